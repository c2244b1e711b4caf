using System;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using VersionedNotifications.Drivers;
using VersionedNotifications.Wire;

namespace VersionedNotifications.RabbitMQ;

/// <summary>
/// Sends notifications to RabbitMQ as oslo.messaging's <c>messagingv2</c> driver does: to the topic
/// exchange named by the control exchange, with routing key <c>&lt;topic&gt;.&lt;priority&gt;</c>, after
/// declaring the queue of that name and binding it so nothing is lost before a consumer comes; persistent,
/// <c>application/json</c>, <c>utf-8</c>, the v2 body. Beyond oslo: every message is published with a
/// publisher confirm and kept in a bounded buffer until the broker confirms it, published again after a
/// nack or a lost connection (so a consumer may see one twice, never none); after an outage the driver
/// connects again and declares its exchange and queues again. While the broker is away the buffer fills and
/// <see cref="SendAsync"/> waits for room. A refusal that retrying cannot heal (a declaration that conflicts with
/// the broker's exchange or queues, access refused, an unknown virtual host, wrong credentials) is logged once as
/// an Error naming the setting to change; every message waiting is given up and counted, and <see cref="SendAsync"/>
/// throws <see cref="NotificationRefusedException"/> from then on.
/// </summary>
public sealed partial class RabbitMQNotificationDriver : INotificationDriver, IAsyncDisposable
{
    /// <summary>The configuration name of the v2 driver, oslo's <c>messagingv2</c>.</summary>
    public const string MessagingV2DriverName = "messagingv2";

    /// <summary>The configuration name of the v1 driver, oslo's <c>messaging</c>.</summary>
    public const string MessagingDriverName = "messaging";

    private readonly RabbitMQDriverOptions _options;
    private readonly DeliveryBuffer _buffer;
    private readonly RabbitMQConnectionSupervisor _connection;
    private readonly RabbitMQPublisher _publisher;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ILogger _logger;
    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Task _publishing;
    private int _disposed;

    /// <summary>A driver that starts connecting at once, in the background; sending does not wait for the broker until the buffer is full.</summary>
    /// <exception cref="ArgumentException">The options are not valid; the message lists every problem.</exception>
    public RabbitMQNotificationDriver(RabbitMQDriverOptions options, ILogger<RabbitMQNotificationDriver>? logger = null, IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("The RabbitMQ driver options are not valid: " + string.Join("; ", errors), nameof(options));
        }

        _options = options;
        _logger = logger ?? NullLogger<RabbitMQNotificationDriver>.Instance;
        _connection = new RabbitMQConnectionSupervisor(options, "VersionedNotifications notifier", _logger);
        _buffer = new DeliveryBuffer(options.BufferSettings, _connection.Url, _logger);
        _publisher = new RabbitMQPublisher(options, _connection, _buffer, _logger);
        _ownsMeter = meterFactory is null;
        _meter = NotifierMetrics.CreateMeter(meterFactory);
        TransportMetrics.RegisterDriver(_meter, RabbitMQMetrics.Transport, Statistics);
        _publishing = Task.Run(PublishLoopAsync);
    }

    /// <inheritdoc/>
    public string Name => _options.Format == MessageFormat.MessagingV2 ? MessagingV2DriverName : MessagingDriverName;

    /// <summary>What the driver did so far.</summary>
    public NotificationDriverStatistics Statistics => _buffer.Statistics;

    /// <summary>Always: the driver's buffer publishes again by <see cref="RabbitMQDriverOptions.Retry"/>; the notifier does not retry it.</summary>
    public bool RetriesDeliveries => true;

    /// <summary>
    /// Puts one message per topic in the buffer; the broker confirms it later. Waits while the buffer is
    /// full (up to <see cref="RabbitMQDriverOptions.BufferFullTimeout"/>).
    /// </summary>
    /// <exception cref="TimeoutException">The buffer stayed full for the whole timeout.</exception>
    /// <exception cref="NotificationRefusedException">The broker refused the driver for good; the message names the setting to change.</exception>
    /// <exception cref="ObjectDisposedException">The driver is disposed.</exception>
    public async ValueTask SendAsync(OutgoingNotification notification, CancellationToken cancellationToken)
    {
        await EnqueueAsync(notification, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Like <see cref="SendAsync"/>, then waits until the broker confirmed every copy (one per topic) or the
    /// driver gave one up: <see langword="null"/> when all were confirmed, otherwise why one was not.
    /// </summary>
    /// <exception cref="TimeoutException">The buffer stayed full for the whole timeout.</exception>
    /// <exception cref="NotificationRefusedException">The broker refused the driver for good; the message names the setting to change.</exception>
    /// <exception cref="ObjectDisposedException">The driver is disposed.</exception>
    public async Task<string?> SendAndConfirmAsync(OutgoingNotification notification, CancellationToken cancellationToken)
    {
        var outcomes = await EnqueueAsync(notification, cancellationToken).ConfigureAwait(false);
        return await TopicCopies.FirstFailureAsync(outcomes, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Completes when every message handed to the driver so far is confirmed by the broker or given up.</summary>
    public ValueTask FlushAsync(CancellationToken cancellationToken) => _buffer.FlushAsync(cancellationToken);

    /// <summary>
    /// Stops taking messages, waits up to <see cref="RabbitMQDriverOptions.ShutdownTimeout"/> for the buffer
    /// to be confirmed, and closes the connection. What is still unconfirmed then is logged, in one line, as lost.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _buffer.DrainAsync().ConfigureAwait(false);
        _stopping.Cancel();
        try
        {
            await _publishing.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _buffer.GiveUpRemaining();
        await _publisher.CloseAsync().ConfigureAwait(false);
        LogClosed(_logger, _connection.Url, Statistics.ToString());
        _buffer.Dispose();
        _stopping.Dispose();
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }

    private ValueTask<Task<string?>[]> EnqueueAsync(OutgoingNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return TopicCopies.EnqueueAsync(_buffer, notification, Encode, cancellationToken);
    }

    private byte[] Encode(OutgoingNotification notification) =>
        _options.Format == MessageFormat.MessagingV2 ? notification.ToMessagingV2() : notification.ToMessagingV1();

    private async Task PublishLoopAsync()
    {
        var stopping = _stopping.Token;
        while (await _buffer.WaitToTakeAsync(stopping).ConfigureAwait(false))
        {
            while (_buffer.TryTake(out var message))
            {
                if (_buffer.Refusal is not null)
                {
                    _buffer.GiveUp(message);
                    continue;
                }

                await _publisher.PublishAsync(message, stopping).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(12, LogLevel.Information, "Closed the connection to {Url}: {Statistics}")]
    private static partial void LogClosed(ILogger logger, string url, string statistics);
}
