using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using VersionedNotifications.Drivers;
using VersionedNotifications.Wire;

namespace VersionedNotifications.Qpid;

/// <summary>
/// Sends notifications over AMQP 1.0 as oslo.messaging's amqp1 driver does (Glance's <c>qpid</c> strategy):
/// one sender link per address, formed from <c>&lt;topic&gt;.&lt;priority&gt;</c> by <see cref="QpidConnectionOptions.Addressing"/>;
/// the body oslo's driver sends (<c>{"request": &lt;messagingv2 body&gt;, "context": &lt;the request context&gt;}</c> as an AMQP string),
/// durable. A message counts as delivered only when the peer settles it as accepted; one rejected, released
/// or modified, or unsettled when the connection drops, is sent again (so a consumer may see one twice, never
/// none), and the connection is made again by itself. Every message waits in a bounded buffer until accepted;
/// while the peer is away the buffer fills and <see cref="SendAsync"/> waits for room. Links and the
/// buffer's sorting run on the connection's <see cref="SerialWork"/>.
/// </summary>
public sealed partial class QpidNotificationDriver : INotificationDriver, IAsyncDisposable, IAmqpConnectionHandler
{
    /// <summary>The configuration name of the driver: <c>amqp</c>, the scheme oslo's AMQP 1.0 transport URLs use.</summary>
    public const string DriverName = "amqp";

    /// <summary>The alias Glance's <c>notifier_strategy</c> used: <c>qpid</c>.</summary>
    public const string QpidDriverName = "qpid";

    private readonly QpidDriverOptions _options;
    private readonly AmqpConnection _connection;
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentQueue<PendingMessage> _ready = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly object _drainLock = new();
    private readonly ILogger _logger;
    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Action _pump;
    private TaskCompletionSource _drained = NewSignal();
    private int _pumpScheduled;
    private int _disposed;

    // Owned by the connection's SerialWork. A message on the wire is known by the tag of its send, so
    // that an outcome of an earlier send (settled after the connection was lost) is not taken for the
    // outcome of a later one.
    private readonly Dictionary<string, Queue<PendingMessage>> _waiting = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NotificationSender> _senders = new(StringComparer.Ordinal);
    private readonly Dictionary<ulong, PendingMessage> _unsettled = new();
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
        _slots = new SemaphoreSlim(options.BufferCapacity, options.BufferCapacity);
        _pump = Pump;
        _connection = new AmqpConnection(options, "notifier", this, _logger);
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(NotifierMetrics.MeterName) ?? new Meter(NotifierMetrics.MeterName);
        QpidMetrics.RegisterDriver(_meter, Statistics);
        _connection.Start();
    }

    /// <inheritdoc/>
    public string Name => DriverName;

    /// <summary>What the driver did so far.</summary>
    public QpidDriverStatistics Statistics { get; } = new();

    /// <summary>
    /// Puts one message per topic in the buffer; the peer accepts it later. Waits while the buffer is full
    /// (up to <see cref="QpidDriverOptions.BufferFullTimeout"/>).
    /// </summary>
    /// <exception cref="TimeoutException">The buffer stayed full for the whole timeout.</exception>
    /// <exception cref="ObjectDisposedException">The driver is disposed.</exception>
    public async ValueTask SendAsync(OutgoingNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var suffix = PriorityNames.ToRoutingSuffix(notification.Priority);
        foreach (var topic in notification.Topics)
        {
            var body = notification.ToOsloAmqp1Body(_options.Format);
            await EnqueueAsync(new PendingMessage(topic + "." + suffix, body, notification.EventType, notification.MessageId), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Completes when every message handed to the driver so far is accepted by the peer or given up.</summary>
    public async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task drained;
            lock (_drainLock)
            {
                if (Statistics.Outstanding == 0)
                {
                    return;
                }

                drained = _drained.Task;
            }

            await drained.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Stops taking messages, waits up to <see cref="QpidDriverOptions.ShutdownTimeout"/> for the buffer to be
    /// accepted, and closes the connection. What is still unaccepted then is logged as lost.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        using (var timeout = new CancellationTokenSource(_options.ShutdownTimeout))
        {
            try
            {
                await FlushAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                LogShutdownLost(_logger, Statistics.Outstanding, _options.ShutdownTimeout, _connection.Url);
            }
        }

        _stopping.Cancel();
        await _connection.StopAsync().ConfigureAwait(false);

        // The connection's work has ended: what it still held is given up here.
        foreach (var queue in _waiting.Values)
        {
            while (queue.TryDequeue(out var message))
            {
                GiveUp(message, null);
            }
        }

        while (_ready.TryDequeue(out var message))
        {
            GiveUp(message, null);
        }

        _stopping.Dispose();
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

        var unsettled = new List<PendingMessage>(_unsettled.Values);
        _unsettled.Clear();
        foreach (var message in unsettled)
        {
            Fail(message, "the connection closed before the peer settled it: " + reason);
        }
    }

    private async ValueTask EnqueueAsync(PendingMessage message, CancellationToken cancellationToken)
    {
        // A slot is held from here until the peer accepts the message (or it is given up), so the capacity
        // bounds everything unaccepted: waiting in the buffer, on the wire, or to be sent again.
        var limit = _options.BufferFullTimeout ?? Timeout.InfiniteTimeSpan;
        if (!await _slots.WaitAsync(limit, cancellationToken).ConfigureAwait(false))
        {
            throw new TimeoutException($"The AMQP 1.0 buffer of {_options.BufferCapacity} messages stayed full for {limit}: is the peer at {_connection.Url} reachable?");
        }

        Statistics.AddOutstanding();
        _ready.Enqueue(message);
        SchedulePump();
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
        while (_ready.TryDequeue(out var ready))
        {
            if (!_waiting.TryGetValue(ready.TopicAndPriority, out var queue))
            {
                _waiting[ready.TopicAndPriority] = queue = new Queue<PendingMessage>();
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

    private void Send(NotificationSender sender, string address, PendingMessage message)
    {
        var tag = ++_nextTag;
        _unsettled[tag] = message;
        Statistics.AddSent();
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
            Statistics.AddAccepted();
            Settle();
        }
        else
        {
            Fail(message, reason);
        }
    }

    private void Fail(PendingMessage message, string reason)
    {
        message.FailedAttempts++;
        if (_stopping.IsCancellationRequested || !_options.Retry.ShouldRetry(message.FailedAttempts))
        {
            GiveUp(message, reason);
            return;
        }

        Statistics.AddResent();
        var delay = _options.Retry.DelayAfter(message.FailedAttempts);
        LogResending(_logger, message.EventType, message.MessageId, message.TopicAndPriority, message.FailedAttempts, delay, reason);
        _ = ResendLaterAsync(message, delay);
    }

    private async Task ResendLaterAsync(PendingMessage message, TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, _stopping.Token).ConfigureAwait(false);
            _ready.Enqueue(message);
            SchedulePump();
        }
        catch (OperationCanceledException)
        {
            GiveUp(message, null);
        }
    }

    private void GiveUp(PendingMessage message, string? reason)
    {
        Statistics.AddDropped();
        LogDropped(_logger, message.EventType, message.MessageId, message.TopicAndPriority, message.FailedAttempts, _options.Retry.ToString(), reason ?? "the driver stopped");
        Settle();
    }

    private void Settle()
    {
        _slots.Release();
        if (Statistics.RemoveOutstanding() != 0)
        {
            return;
        }

        lock (_drainLock)
        {
            _drained.TrySetResult();
            _drained = NewSignal();
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [LoggerMessage(5, LogLevel.Debug, "{EventType} {MessageId} to {TopicAndPriority} was not accepted (attempt {Attempt}: {Reason}); sending again in {Delay}")]
    private static partial void LogResending(ILogger logger, string eventType, string messageId, string topicAndPriority, int attempt, TimeSpan delay, string reason);

    [LoggerMessage(6, LogLevel.Error, "Dropped {EventType} {MessageId} to {TopicAndPriority} after {Attempts} failed attempt(s) (retry policy: {Retry}; {Reason})")]
    private static partial void LogDropped(ILogger logger, string eventType, string messageId, string topicAndPriority, int attempts, string retry, string reason);

    [LoggerMessage(7, LogLevel.Error, "{Outstanding} message(s) were not accepted by {Url} within the shutdown timeout of {Timeout} and are lost")]
    private static partial void LogShutdownLost(ILogger logger, long outstanding, TimeSpan timeout, string url);
}
