using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using VersionedNotifications.Drivers;

namespace VersionedNotifications.Qpid;

/// <summary>
/// Sends notifications over AMQP 1.0 as oslo.messaging's amqp1 driver does (Glance's <c>qpid</c> strategy):
/// one sender link per address, formed from <c>&lt;topic&gt;.&lt;priority&gt;</c> by <see cref="QpidConnectionOptions.Addressing"/>;
/// the body oslo's driver sends (<c>{"request": &lt;messagingv2 body&gt;, "context": &lt;the request context&gt;}</c> as an AMQP string),
/// durable. A message counts as delivered only when the peer settles it as accepted; one rejected, released
/// or modified, or unsettled when the connection drops, is sent again (so a consumer may see one twice, never
/// none), and the connection is made again by itself. Every message waits in a bounded buffer until accepted;
/// while the peer is away the buffer fills and <see cref="SendAsync"/> waits for room. The buffer, its retries
/// and its statistics are the transport core's <see cref="DeliveryBuffer"/>, as for RabbitMQ; links and the
/// sorting of ready messages by address run on the connection's <see cref="SerialWork"/>.
/// </summary>
public sealed partial class QpidNotificationDriver : INotificationDriver, IAsyncDisposable, IAmqpConnectionHandler
{
    /// <summary>The configuration name of the driver: <c>amqp</c>, the scheme oslo's AMQP 1.0 transport URLs use.</summary>
    public const string DriverName = "amqp";

    /// <summary>The alias Glance's <c>notifier_strategy</c> used: <c>qpid</c>.</summary>
    public const string QpidDriverName = "qpid";

    private readonly QpidDriverOptions _options;
    private readonly AmqpConnection _connection;
    private readonly DeliveryBuffer _buffer;
    private readonly ILogger _logger;
    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Action _pump;
    private int _pumpScheduled;
    private int _disposed;

    // Owned by the connection's SerialWork. A message on the wire is known by the tag of its send, so
    // that an outcome of an earlier send (settled after the connection was lost) is not taken for the
    // outcome of a later one.
    private readonly Dictionary<string, Queue<PendingDelivery>> _waiting = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NotificationSender> _senders = new(StringComparer.Ordinal);
    private readonly Dictionary<ulong, PendingDelivery> _unsettled = new();
    private NotificationAddresses? _addresses;
    private AmqpLinks? _links;
    private ulong _nextTag;

    /// <summary>A driver that starts connecting at once, in the background; sending does not wait for the peer until the buffer is full.</summary>
    /// <exception cref="ArgumentException">The options are not valid; the message lists every problem.</exception>
    public QpidNotificationDriver(QpidDriverOptions options, ILogger<QpidNotificationDriver>? logger = null, IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("The AMQP 1.0 driver options are not valid: " + string.Join("; ", errors), nameof(options));
        }

        _options = options;
        _logger = logger ?? NullLogger<QpidNotificationDriver>.Instance;
        _pump = Pump;
        _connection = new AmqpConnection(options, "notifier", this, _logger);
        _buffer = new DeliveryBuffer(options.BufferSettings, _connection.Url, _logger, SchedulePump);
        _ownsMeter = meterFactory is null;
        _meter = NotifierMetrics.CreateMeter(meterFactory);
        TransportMetrics.RegisterDriver(_meter, QpidMetrics.Transport, Statistics);
        _connection.Start();
    }

    /// <inheritdoc/>
    public string Name => DriverName;

    /// <summary>What the driver did so far: published (sent), confirmed (accepted by the peer), republished, dropped, outstanding.</summary>
    public NotificationDriverStatistics Statistics => _buffer.Statistics;

    /// <summary>Always: the driver's buffer sends again by <see cref="QpidDriverOptions.Retry"/>; the notifier does not retry it.</summary>
    public bool RetriesDeliveries => true;

    /// <summary>
    /// Puts one message per topic in the buffer; the peer accepts it later. Waits while the buffer is full
    /// (up to <see cref="QpidDriverOptions.BufferFullTimeout"/>).
    /// </summary>
    /// <exception cref="TimeoutException">The buffer stayed full for the whole timeout.</exception>
    /// <exception cref="ObjectDisposedException">The driver is disposed.</exception>
    public async ValueTask SendAsync(OutgoingNotification notification, CancellationToken cancellationToken)
    {
        await EnqueueAsync(notification, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Like <see cref="SendAsync"/>, then waits until the peer accepted every copy (one per topic) or the driver
    /// gave one up: <see langword="null"/> when all were accepted, otherwise why one was not.
    /// </summary>
    /// <exception cref="TimeoutException">The buffer stayed full for the whole timeout.</exception>
    /// <exception cref="ObjectDisposedException">The driver is disposed.</exception>
    public async Task<string?> SendAndConfirmAsync(OutgoingNotification notification, CancellationToken cancellationToken)
    {
        var outcomes = await EnqueueAsync(notification, cancellationToken).ConfigureAwait(false);
        return await TopicCopies.FirstFailureAsync(outcomes, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Completes when every message handed to the driver so far is accepted by the peer or given up.</summary>
    public ValueTask FlushAsync(CancellationToken cancellationToken) => _buffer.FlushAsync(cancellationToken);

    /// <summary>
    /// Stops taking messages, waits up to <see cref="QpidDriverOptions.ShutdownTimeout"/> for the buffer to be
    /// accepted, and closes the connection. What is still unaccepted then is logged, in one line, as lost.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _buffer.DrainAsync().ConfigureAwait(false);
        await _connection.StopAsync().ConfigureAwait(false);

        // The connection's work has ended: what it still held is given up here.
        foreach (var queue in _waiting.Values)
        {
            while (queue.TryDequeue(out var message))
            {
                _buffer.GiveUp(message);
            }
        }

        _buffer.GiveUpRemaining();
        LogClosed(_logger, _connection.Url, Statistics.ToString());
        _buffer.Dispose();
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }

    void IAmqpConnectionHandler.OnOpened(AmqpLinks links, NotificationAddresses addresses)
    {
        _links = links;
        _addresses = addresses;
        Pump();
    }

    void IAmqpConnectionHandler.OnClosed(string reason)
    {
        _addresses = null;
        _links = null;
        _senders.Clear();
        if (_unsettled.Count == 0)
        {
            return;
        }

        var unsettled = new List<PendingDelivery>(_unsettled.Values);
        _unsettled.Clear();
        foreach (var message in unsettled)
        {
            _buffer.Failed(message, "the connection closed before the peer settled it: " + reason);
        }
    }

    void IAmqpConnectionHandler.OnRefused(string refusal)
    {
        // Nothing waiting here can be sent any more: the buffer logs the refusal once and gives everything up.
        _buffer.Refuse(refusal, null);
        foreach (var queue in _waiting.Values)
        {
            while (queue.TryDequeue(out var message))
            {
                _buffer.GiveUp(message);
            }
        }

        Pump();
    }

    private ValueTask<Task<string?>[]> EnqueueAsync(OutgoingNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return TopicCopies.EnqueueAsync(_buffer, notification, copy => copy.ToOsloAmqp1Body(_options.Format), cancellationToken);
    }

    private void SchedulePump()
    {
        if (Interlocked.Exchange(ref _pumpScheduled, 1) == 0)
        {
            _connection.Post(_pump);
        }
    }

    /// <summary>On the connection's SerialWork: sorts what is ready by address and sends it (a link holds what exceeds its credit until the peer grants more).</summary>
    private void Pump()
    {
        Volatile.Write(ref _pumpScheduled, 0);
        while (_buffer.TryTake(out var ready))
        {
            if (_buffer.Refusal is not null)
            {
                _buffer.GiveUp(ready);
                continue;
            }

            if (!_waiting.TryGetValue(ready.TopicAndPriority, out var queue))
            {
                _waiting[ready.TopicAndPriority] = queue = new Queue<PendingDelivery>();
            }

            queue.Enqueue(ready);
        }

        if (_addresses is null || _links is null)
        {
            return;
        }

        foreach (var (topicAndPriority, queue) in _waiting)
        {
            if (queue.Count == 0)
            {
                continue;
            }

            var address = _addresses.For(topicAndPriority);
            var sender = Sender(_links, address);
            while (queue.TryDequeue(out var message))
            {
                Send(sender, address, message);
            }
        }
    }

    private NotificationSender Sender(AmqpLinks links, string address)
    {
        if (!_senders.TryGetValue(address, out var sender))
        {
            _senders[address] = sender = links.OpenSender(address, _options.DurableQueues);
        }

        return sender;
    }

    private void Send(NotificationSender sender, string address, PendingDelivery message)
    {
        var tag = ++_nextTag;
        _unsettled[tag] = message;
        _buffer.Published();
        sender.Send(AmqpMessageCodec.Encode(address, message.MessageId, message.Body), reason => OnSettled(tag, reason));
    }

    /// <summary>On the connection's SerialWork: the peer settled the send <paramref name="tag"/> (accepted when <paramref name="reason"/> is null).</summary>
    private void OnSettled(ulong tag, string? reason)
    {
        if (!_unsettled.Remove(tag, out var message))
        {
            // Already failed when its connection closed.
            return;
        }

        if (reason is null)
        {
            _buffer.Confirmed(message);
        }
        else
        {
            _buffer.Failed(message, reason);
        }
    }

    [LoggerMessage(8, LogLevel.Information, "Closed the connection to {Url}: {Statistics}")]
    private static partial void LogClosed(ILogger logger, string url, string statistics);
}
