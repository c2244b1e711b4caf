using System;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using VersionedNotifications.Drivers;

namespace VersionedNotifications;

/// <summary>
/// What every broker driver does the same way (RabbitMQ's, AMQP 1.0's): each message, one per topic, waits in a bounded
/// buffer until the broker confirms it, and is sent again after a nack or a lost connection by the options'
/// <see cref="NotificationDriverOptions.Retry"/>; sending waits while the buffer is full; a refusal that retrying cannot heal
/// gives every waiting message up and makes sending throw <see cref="NotificationRefusedException"/>. The transport adds
/// only how a message reaches its broker and how the broker's confirm comes back.
/// </summary>
public abstract partial class NotificationTransportDriver : INotificationDriver, IAsyncDisposable
{
    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private int _disposed;

    /// <summary>Checks the options and makes the buffer and the driver's instruments.</summary>
    /// <param name="options">The driver's options; checked first.</param>
    /// <param name="what">The driver in an error message: <c>RabbitMQ driver</c>.</param>
    /// <param name="transport">The transport's word in instrument names: <c>rabbitmq</c>.</param>
    /// <param name="describeUrl">The transport URL without its password, for messages.</param>
    /// <param name="logger">The driver's logger.</param>
    /// <param name="meterFactory">Where the instruments' meter comes from; without one the driver owns its meter.</param>
    /// <param name="pumps">Whether the transport is told of each message ready to send (<see cref="OnMessagesReady"/>) rather than waiting for them.</param>
    /// <exception cref="ArgumentException">The options are not valid; the message lists every problem.</exception>
    private protected NotificationTransportDriver(
        NotificationDriverOptions options,
        string what,
        string transport,
        Func<string, string> describeUrl,
        ILogger? logger,
        IMeterFactory? meterFactory,
        bool pumps)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid(what);
        Options = options;
        Logger = logger ?? NullLogger.Instance;
        Url = describeUrl(options.TransportUrl);
        Buffer = new DeliveryBuffer(options.BufferSettings, Url, Logger, pumps ? OnMessagesReady : null);
        _ownsMeter = meterFactory is null;
        _meter = NotifierMetrics.CreateMeter(meterFactory);
        TransportMetrics.RegisterDriver(_meter, transport, Statistics);
    }

    /// <inheritdoc/>
    public abstract string Name { get; }

    /// <summary>What the driver did so far: published, confirmed, republished, dropped, outstanding.</summary>
    public NotificationDriverStatistics Statistics => Buffer.Statistics;

    /// <summary>Always: the driver's buffer sends again by <see cref="NotificationDriverOptions.Retry"/>; the notifier does not retry it.</summary>
    public bool RetriesDeliveries => true;

    /// <summary>The transport URL without its password.</summary>
    private protected string Url { get; }

    private protected NotificationDriverOptions Options { get; }

    private protected DeliveryBuffer Buffer { get; }

    private protected ILogger Logger { get; }

    /// <summary>
    /// Puts one message per topic in the buffer; the broker confirms it later. Waits while the buffer is full
    /// (up to <see cref="NotificationDriverOptions.BufferFullTimeout"/>).
    /// </summary>
    /// <exception cref="TimeoutException">The buffer stayed full for the whole timeout.</exception>
    /// <exception cref="NotificationRefusedException">The broker refused the driver for good; the message names the setting to change.</exception>
    /// <exception cref="ObjectDisposedException">The driver is disposed.</exception>
    public async ValueTask SendAsync(OutgoingNotification notification, CancellationToken cancellationToken)
    {
        await EnqueueAsync(notification, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Like <see cref="SendAsync"/>, then waits until the broker confirmed every copy (one per topic) or the driver gave
    /// one up: <see langword="null"/> when all were confirmed, otherwise why one was not.
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
    public ValueTask FlushAsync(CancellationToken cancellationToken) => Buffer.FlushAsync(cancellationToken);

    /// <summary>
    /// Stops taking messages, waits up to <see cref="NotificationDriverOptions.ShutdownTimeout"/> for the buffer to be
    /// confirmed, and closes the connection. What is still unconfirmed then is logged, in one line, as lost.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await Buffer.DrainAsync().ConfigureAwait(false);
        await StopSendingAsync().ConfigureAwait(false);
        Buffer.GiveUpRemaining();
        LogClosed(Logger, Url, Statistics.ToString());
        Buffer.Dispose();
        if (_ownsMeter)
        {
            _meter.Dispose();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>The body sent for one copy of a notification, in the transport's form.</summary>
    private protected abstract byte[] Encode(OutgoingNotification copy);

    /// <summary>Stops sending and closes the connection, giving up (<see cref="DeliveryBuffer.GiveUp"/>) what the transport still holds; the buffer is drained or its time is up.</summary>
    private protected abstract ValueTask StopSendingAsync();

    /// <summary>Called when a message can be taken from the buffer, for a transport made with <c>pumps</c>.</summary>
    private protected virtual void OnMessagesReady()
    {
    }

    private ValueTask<Task<string?>[]> EnqueueAsync(OutgoingNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return TopicCopies.EnqueueAsync(Buffer, notification, Encode, cancellationToken);
    }

    [LoggerMessage(12, LogLevel.Information, "Closed the connection to {Url}: {Statistics}")]
    private static partial void LogClosed(ILogger logger, string url, string statistics);
}
