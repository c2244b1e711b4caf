using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using global::RabbitMQ.Client;
using global::RabbitMQ.Client.Events;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using VersionedNotifications.Wire;

namespace VersionedNotifications.RabbitMQ;

/// <summary>
/// Consumes notifications from RabbitMQ as oslo.messaging's notification listener does (the control
/// exchange, <c>&lt;topic&gt;.&lt;priority&gt;</c> bindings, oslo's queues or a pool's), reads each with the
/// typed reader and hands it to a <see cref="NotificationDispatcher"/>. A message is acknowledged after its
/// handlers succeed; when one throws, the message is dead-lettered, requeued or rejected
/// (<see cref="NotificationListenerOptions.OnFailure"/>). Messages outside the event type and publisher
/// filters are acknowledged unread by handlers. A message no typed handler can take (not a notification,
/// an unknown event type, a newer major version) goes to the fallback handler; without one it is logged,
/// counted by reason and acknowledged or dead-lettered (<see cref="NotificationListenerOptions.OnUnreadable"/>). Delivery is at least once: after a lost connection the
/// broker delivers again what was not acknowledged. Use it alone (<see cref="StartAsync"/>,
/// <see cref="StopAsync"/>) or hosted (<c>AddNotificationListener</c>, which runs it as VersionedNotifications.Extensions.Hosting's <c>NotificationListenerService</c>).
/// </summary>
public sealed partial class NotificationListener : INotificationListener, IAsyncDisposable
{
    // How long acknowledging, requeueing or dead-lettering one message may wait for the broker.
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(10);

    // How often the listener checks that its connection still works, and how long an answer may take.
    private static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(5);

    private readonly NotificationListenerOptions _options;
    private readonly ListenerPipeline _pipeline;
    private readonly string _url;
    private readonly ILogger _logger;
    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly object _handlingLock = new();
    private CancellationTokenSource _stopping = new();
    private CancellationTokenSource _closing = new();
    private TaskCompletionSource _idle = NewSignal();
    private int _handling;
    private Session? _session;
    private Task? _reconnecting;

    /// <summary>A listener that reads with <paramref name="reader"/> and dispatches with <paramref name="dispatcher"/> (built on the same contracts).</summary>
    /// <exception cref="ArgumentException">The options are not valid; the message lists every problem.</exception>
    public NotificationListener(
        NotificationListenerOptions options,
        NotificationReader reader,
        NotificationDispatcher dispatcher,
        ILogger<NotificationListener>? logger = null,
        IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(dispatcher);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("The listener options are not valid: " + string.Join("; ", errors), nameof(options));
        }

        _options = options;
        _url = RabbitMQConnections.Describe(options.TransportUrl);
        _logger = logger ?? NullLogger<NotificationListener>.Instance;
        var policy = new ListenerPolicy(
            options.OnFailure switch
            {
                ListenerFailureAction.Requeue => SettleDecision.Requeue,
                ListenerFailureAction.Reject => SettleDecision.Reject,
                _ => SettleDecision.DeadLetter,
            },
            options.OnUnreadable == UnreadableMessageAction.DeadLetter ? SettleDecision.DeadLetter : SettleDecision.Acknowledge,
            options.RequeueDelay);
        _pipeline = new ListenerPipeline(reader, dispatcher, new NotificationFilter(options.EventTypes, options.Publishers), policy, _logger);
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(NotifierMetrics.MeterName) ?? new Meter(NotifierMetrics.MeterName);
        ListenerMetrics.Register(_meter, RabbitMQMetrics.Transport, Statistics);
    }

    /// <summary>What the listener did so far.</summary>
    public NotificationListenerStatistics Statistics => _pipeline.Statistics;

    /// <summary>The queues consumed, once started (a private queue's name is the broker's).</summary>
    public IReadOnlyList<string> Queues => Volatile.Read(ref _session)?.Queues ?? [];

    /// <summary>The routing keys bound: <c>&lt;topic&gt;.&lt;priority&gt;</c> for every topic and priority.</summary>
    public IReadOnlyList<string> RoutingKeys => _options.Topics
        .SelectMany(topic => _options.Priorities.Distinct().Select(priority => topic + "." + PriorityNames.ToRoutingSuffix(priority)))
        .ToArray();

    /// <summary>
    /// Connects, declares the exchange, queues and bindings as oslo's listener does, and starts consuming.
    /// Once started, the listener connects again by itself after an outage (declaring everything again) and
    /// consuming resumes; what was delivered and not acknowledged before the outage is delivered again.
    /// </summary>
    /// <exception cref="BrokerUnavailableException">The broker cannot be reached, or refused a declaration.</exception>
    /// <exception cref="InvalidOperationException">The listener is already started.</exception>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_session is not null || _reconnecting is not null)
        {
            throw new InvalidOperationException("The listener is already started.");
        }

        if (_stopping.IsCancellationRequested)
        {
            _stopping.Dispose();
            _stopping = new CancellationTokenSource();
        }

        if (_closing.IsCancellationRequested)
        {
            _closing.Dispose();
            _closing = new CancellationTokenSource();
        }

        var session = await OpenSessionAsync(cancellationToken).ConfigureAwait(false);
        _session = session;
        LogStarted(_logger, _url, _options.ControlExchange, string.Join(", ", session.Queues));
        _reconnecting = Task.Run(() => KeepConnectedAsync(session, _closing.Token));
    }

    /// <summary>
    /// Stops consuming, waits for the handlers running now (cancelling them when <paramref name="cancellationToken"/>
    /// fires; what they did not acknowledge is delivered again later), and closes the connection.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (_reconnecting is null)
        {
            return;
        }

        _closing.Cancel();
        await _reconnecting.ConfigureAwait(false);
        _reconnecting = null;
        var session = _session;
        if (session is { Consuming.IsOpen: true })
        {
            foreach (var tag in session.ConsumerTags)
            {
                try
                {
                    using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    cancel.CancelAfter(SettleTimeout);
                    await session.Consuming.BasicCancelAsync(tag, false, cancel.Token).ConfigureAwait(false);
                }
                catch (Exception error) when (!cancellationToken.IsCancellationRequested)
                {
                    // A channel the broker closed cannot cancel its consumers; closing the connection ends them.
                    LogStopProblem(_logger, error, _url);
                    break;
                }
            }
        }

        using (cancellationToken.Register(() => _stopping.Cancel()))
        {
            await WaitIdleAsync().ConfigureAwait(false);
        }

        _stopping.Cancel();
        await Task.WhenAny(WaitIdleAsync(), Task.Delay(SettleTimeout)).ConfigureAwait(false);
        if (session is not null)
        {
            try
            {
                using var flush = new CancellationTokenSource(SettleTimeout);
                await session.FlushAcksAsync(flush.Token).ConfigureAwait(false);
            }
            catch (Exception error)
            {
                LogStopProblem(_logger, error, _url);
            }
        }

        _session = null;
        await CloseAsync(session).ConfigureAwait(false);
        LogStopped(_logger, _url, Statistics.ToString(), _pipeline.TakeSuppressedLines());
    }

    /// <summary>Stops the listener, giving the running handlers 30 seconds.</summary>
    public async ValueTask DisposeAsync()
    {
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            await StopAsync(timeout.Token).ConfigureAwait(false);
        }

        _stopping.Dispose();
        _closing.Dispose();
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }

    /// <summary>One connection with its channels, queues and consumers, declared and consuming.</summary>
    private async Task<Session> OpenSessionAsync(CancellationToken cancellationToken)
    {
        IConnection? connection = null;
        IChannel? consuming = null;
        DeadLetterPublisher? deadLetters = null;
        try
        {
            connection = await RabbitMQConnections.ConnectAsync(_options, "VersionedNotifications listener", cancellationToken).ConfigureAwait(false);
            var lost = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            connection.ConnectionShutdownAsync += (_, args) =>
            {
                lost.TrySetResult(args.ReplyText);
                return Task.CompletedTask;
            };
            consuming = await connection.CreateChannelAsync(new CreateChannelOptions(false, false, null, (ushort)_options.MaxConcurrency), cancellationToken).ConfigureAwait(false);
            await consuming.BasicQosAsync(0, _options.Prefetch, false, cancellationToken).ConfigureAwait(false);
            await consuming.ExchangeDeclareAsync(_options.ControlExchange, ExchangeType.Topic, _options.DurableQueues, _options.AutoDelete, null, false, false, cancellationToken).ConfigureAwait(false);
            var queues = await DeclareQueuesAsync(consuming, cancellationToken).ConfigureAwait(false);
            if (_options.OnFailure == ListenerFailureAction.DeadLetterQueue || _options.OnUnreadable == UnreadableMessageAction.DeadLetter)
            {
                deadLetters = await DeadLetterPublisher.OpenAsync(connection, _options.EffectiveDeadLetterQueue, cancellationToken).ConfigureAwait(false);
            }

            // One handler at a time handles deliveries in order, so one acknowledgement can cover several.
            var batch = _options.MaxConcurrency == 1 ? Math.Max(1, _options.Prefetch / 2) : 1;
            var session = new Session(connection, consuming, deadLetters, queues, lost, batch);
            foreach (var queue in queues)
            {
                var consumer = new AsyncEventingBasicConsumer(consuming);
                consumer.ReceivedAsync += (_, delivery) => HandleAsync(session, queue, delivery);
                session.ConsumerTags.Add(await consuming.BasicConsumeAsync(queue, false, consumer, cancellationToken).ConfigureAwait(false));
            }

            return session;
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await CloseAsync(connection, deadLetters?.Channel, consuming).ConfigureAwait(false);
            throw new BrokerUnavailableException($"Cannot listen on {_url} (exchange '{_options.ControlExchange}'): {Describe(error)}", error);
        }
        catch (OperationCanceledException)
        {
            await CloseAsync(connection, deadLetters?.Channel, consuming).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Waits for the connection to drop and opens a new session, again and again (with a backoff) while the broker is away.</summary>
    private async Task KeepConnectedAsync(Session session, CancellationToken closing)
    {
        while (true)
        {
            string reason;
            try
            {
                reason = await WatchAsync(session, closing).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            LogConnectionLost(_logger, _url, reason);
            session.Dispose();
            await RabbitMQConnections.AbandonAsync(session.Connection, session.DeadLetters?.Channel, session.Consuming).ConfigureAwait(false);
            for (var failures = 1; ; failures++)
            {
                try
                {
                    await Task.Delay(_options.ReconnectDelay(failures), closing).ConfigureAwait(false);
                    session = await OpenSessionAsync(closing).ConfigureAwait(false);
                    break;
                }
                catch (OperationCanceledException) when (closing.IsCancellationRequested)
                {
                    return;
                }
                catch (BrokerUnavailableException error)
                {
                    if (failures == 1)
                    {
                        LogReconnectFailed(_logger, error.Message, _url);
                    }
                }
            }

            _session = session;
            LogReconnected(_logger, _url, string.Join(", ", session.Queues));
        }
    }

    /// <summary>
    /// Waits until the session's connection is lost, asking the broker every 5 s whether its first queue is
    /// still there: a connection can stop working without the client noticing (a broker that stopped reading
    /// while shutting down), and a queue deleted under the consumer ends consuming without closing the
    /// connection. No answer within 5 s, or an error, gives the session up.
    /// </summary>
    private static async Task<string> WatchAsync(Session session, CancellationToken closing)
    {
        while (true)
        {
            var check = Task.Delay(CheckInterval, closing);
            if (await Task.WhenAny(session.Lost, check).ConfigureAwait(false) == session.Lost)
            {
                return await session.Lost.ConfigureAwait(false);
            }

            await check.ConfigureAwait(false); // throws when closing
            using var answer = CancellationTokenSource.CreateLinkedTokenSource(closing);
            answer.CancelAfter(CheckInterval);
            try
            {
                await session.Consuming.QueueDeclarePassiveAsync(session.Queues[0], answer.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (closing.IsCancellationRequested)
            {
                throw;
            }
            catch (OperationCanceledException)
            {
                session.GiveUp($"the broker did not answer a check within {CheckInterval.TotalSeconds:0} s");
            }
            catch (Exception error)
            {
                session.GiveUp($"checking queue '{session.Queues[0]}' failed: {Describe(error)}");
            }
        }
    }

    private async Task<IReadOnlyList<string>> DeclareQueuesAsync(IChannel channel, CancellationToken cancellationToken)
    {
        var keys = RoutingKeys;
        if (_options.PrivateQueue)
        {
            var declared = await channel.QueueDeclareAsync(string.Empty, false, true, true, null, false, false, cancellationToken).ConfigureAwait(false);
            foreach (var key in keys)
            {
                await channel.QueueBindAsync(declared.QueueName, _options.ControlExchange, key, null, false, cancellationToken).ConfigureAwait(false);
            }

            return [declared.QueueName];
        }

        if (_options.Pool is { } pool)
        {
            await channel.QueueDeclareAsync(pool, _options.DurableQueues, false, _options.AutoDelete, null, false, false, cancellationToken).ConfigureAwait(false);
            foreach (var key in keys)
            {
                await channel.QueueBindAsync(pool, _options.ControlExchange, key, null, false, cancellationToken).ConfigureAwait(false);
            }

            return [pool];
        }

        foreach (var key in keys)
        {
            await channel.QueueDeclareAsync(key, _options.DurableQueues, false, _options.AutoDelete, null, false, false, cancellationToken).ConfigureAwait(false);
            await channel.QueueBindAsync(key, _options.ControlExchange, key, null, false, cancellationToken).ConfigureAwait(false);
        }

        return keys;
    }

    private async Task HandleAsync(Session session, string queue, BasicDeliverEventArgs delivery)
    {
        lock (_handlingLock)
        {
            _handling++;
        }

        // Settling waits for the broker; while it is away that could be forever, so it is bounded (the message comes again).
        using var settle = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        settle.CancelAfter(SettleTimeout + _options.RequeueDelay);
        try
        {
            if (!session.Consuming.IsOpen)
            {
                // Delivered before the connection dropped and dispatched after: it cannot be acknowledged, and the
                // broker delivers it again once the connection is recovered, so handling it now would be wasted.
                LogStaleDelivery(_logger, delivery.DeliveryTag, queue);
                return;
            }

            // The client reuses the delivery buffer after this callback; results and handlers may keep the bytes.
            var body = delivery.Body.ToArray();
            var verdict = await _pipeline.ProcessAsync(body, queue, _stopping.Token).ConfigureAwait(false);
            await SettleAsync(session, queue, delivery, body, verdict, settle.Token).ConfigureAwait(false);
        }
        catch (Exception error)
        {
            // Acks and nacks fail only when the channel is gone (or the connection no longer takes writes, which
            // the client may not notice: then the listener gives it up); the broker delivers the message again.
            LogSettleFailed(_logger, error, delivery.DeliveryTag, queue);
            if (error is OperationCanceledException && !_stopping.IsCancellationRequested)
            {
                session.GiveUp($"settling a delivery took more than {SettleTimeout.TotalSeconds:0} s");
            }
        }
        finally
        {
            lock (_handlingLock)
            {
                if (--_handling == 0)
                {
                    _idle.TrySetResult();
                    _idle = NewSignal();
                }
            }
        }
    }

    /// <summary>Carries out the pipeline's verdict on the channel the delivery came on, then counts it.</summary>
    private async Task SettleAsync(Session session, string queue, BasicDeliverEventArgs delivery, byte[] body, ListenerVerdict verdict, CancellationToken settle)
    {
        var channel = session.Consuming;
        if (!channel.IsOpen)
        {
            LogStaleDelivery(_logger, delivery.DeliveryTag, queue);
            return;
        }

        switch (verdict.Decision)
        {
            case SettleDecision.Acknowledge:
                await session.AckAsync(delivery.DeliveryTag, settle).ConfigureAwait(false);
                break;
            case SettleDecision.Requeue:
                await channel.BasicNackAsync(delivery.DeliveryTag, false, true, settle).ConfigureAwait(false);
                break;
            case SettleDecision.Reject:
                await channel.BasicRejectAsync(delivery.DeliveryTag, false, settle).ConfigureAwait(false);
                break;
            default:
                try
                {
                    await session.DeadLetters!.PublishAsync(DeadLetterProperties(queue, delivery, verdict.Reason), body, settle).ConfigureAwait(false);
                }
                catch (Exception publishError) when (!_stopping.IsCancellationRequested)
                {
                    LogDeadLetterFailed(_logger, publishError, _options.EffectiveDeadLetterQueue, NotificationFilter.Identify(verdict.Result));
                    await DelayAsync(_options.RequeueDelay).ConfigureAwait(false);
                    await channel.BasicNackAsync(delivery.DeliveryTag, false, true, settle).ConfigureAwait(false);
                    verdict = verdict with { Decision = SettleDecision.Requeue };
                    break;
                }

                await session.AckAsync(delivery.DeliveryTag, settle).ConfigureAwait(false);
                break;
        }

        _pipeline.Settled(verdict);
    }

    /// <summary>The original's properties, without the client's confirm-tracking header, and the failure in <c>x-vn-*</c> headers.</summary>
    private static BasicProperties DeadLetterProperties(string queue, BasicDeliverEventArgs delivery, string? reason)
    {
        var properties = new BasicProperties(delivery.BasicProperties);
        var headers = properties.Headers is null ? new Dictionary<string, object?>() : new Dictionary<string, object?>(properties.Headers);
        headers.Remove(global::RabbitMQ.Client.Constants.PublishSequenceNumberHeader);
        headers["x-vn-error"] = Truncate(reason ?? "unknown", 1000);
        headers["x-vn-queue"] = queue;
        headers["x-vn-exchange"] = delivery.Exchange;
        headers["x-vn-routing-key"] = delivery.RoutingKey;
        headers["x-vn-failed-at"] = DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        properties.Headers = headers;
        return properties;
    }

    private async Task DelayAsync(TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, _stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping: at once.
        }
    }

    private async Task WaitIdleAsync()
    {
        while (true)
        {
            Task idle;
            lock (_handlingLock)
            {
                if (_handling == 0)
                {
                    return;
                }

                idle = _idle.Task;
            }

            await idle.ConfigureAwait(false);
        }
    }

    private Task CloseAsync(Session? session)
    {
        if (session is null)
        {
            return Task.CompletedTask;
        }

        session.Dispose();
        return CloseAsync(session.Connection, session.DeadLetters?.Channel, session.Consuming);
    }

    private async Task CloseAsync(IConnection? connection, IChannel? publishing, IChannel? consuming)
    {
        try
        {
            await RabbitMQConnections.CloseAsync(connection, publishing, consuming).ConfigureAwait(false);
        }
        catch (Exception error)
        {
            LogStopProblem(_logger, error, _url);
        }
    }

    private static string Describe(Exception error) =>
        error is global::RabbitMQ.Client.Exceptions.OperationInterruptedException { ShutdownReason: { } reason }
            ? $"the broker said {reason.ReplyCode} {reason.ReplyText}" + (reason.ReplyCode == 406 ? " (the exchange or a queue exists with other settings: set DurableQueues and AutoDelete as oslo's amqp_durable_queues and amqp_auto_delete are set there)" : string.Empty)
            : (error.InnerException is { } inner ? $"{error.Message} ({inner.Message})" : error.Message);

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [LoggerMessage(1, LogLevel.Information, "Listening on {Url}, exchange '{Exchange}', queues {Queues}")]
    private static partial void LogStarted(ILogger logger, string url, string exchange, string queues);

    [LoggerMessage(2, LogLevel.Information, "Stopped listening on {Url}: {Statistics}; {SuppressedLines} log line(s) about unreadable messages and failed handlers were left out")]
    private static partial void LogStopped(ILogger logger, string url, string statistics, long suppressedLines);

    [LoggerMessage(4, LogLevel.Error, "Could not publish {Message} to the dead-letter queue {DeadLetterQueue}; it is requeued instead")]
    private static partial void LogDeadLetterFailed(ILogger logger, Exception error, string deadLetterQueue, string message);

    [LoggerMessage(5, LogLevel.Warning, "Could not settle delivery {DeliveryTag} from {Queue}; the broker will deliver it again")]
    private static partial void LogSettleFailed(ILogger logger, Exception error, ulong deliveryTag, string queue);

    [LoggerMessage(7, LogLevel.Debug, "Delivery {DeliveryTag} from {Queue} came from a connection that has dropped; the broker will deliver it again")]
    private static partial void LogStaleDelivery(ILogger logger, ulong deliveryTag, string queue);

    [LoggerMessage(6, LogLevel.Warning, "A problem while stopping the listener on {Url}")]
    private static partial void LogStopProblem(ILogger logger, Exception error, string url);

    [LoggerMessage(8, LogLevel.Warning, "Lost the connection to {Url} ({Reason}); reconnecting")]
    private static partial void LogConnectionLost(ILogger logger, string url, string reason);

    [LoggerMessage(9, LogLevel.Warning, "Cannot reach {Url} yet ({Reason}); trying again")]
    private static partial void LogReconnectFailed(ILogger logger, string reason, string url);

    [LoggerMessage(10, LogLevel.Information, "Reconnected to {Url}; consuming again from {Queues}")]
    private static partial void LogReconnected(ILogger logger, string url, string queues);

    /// <summary>The broker objects of one connection; a delivery is settled on the channel of its own session.</summary>
    private sealed class Session(IConnection connection, IChannel consuming, DeadLetterPublisher? deadLetters, IReadOnlyList<string> queues, TaskCompletionSource<string> lost, int ackBatch)
        : IDisposable
    {
        // How long a handled message may wait for the acknowledgement that covers it, when batching.
        private static readonly TimeSpan AckDelay = TimeSpan.FromMilliseconds(20);

        private readonly object _ackLock = new();
        private readonly SemaphoreSlim _acking = new(1, 1);
        private Timer? _ackTimer;
        private ulong _handledTag;
        private int _unacknowledged;
        private bool _flushScheduled;

        public IConnection Connection { get; } = connection;

        public IChannel Consuming { get; } = consuming;

        public DeadLetterPublisher? DeadLetters { get; } = deadLetters;

        public IReadOnlyList<string> Queues { get; } = queues;

        public List<string> ConsumerTags { get; } = new();

        /// <summary>Completes, with the reason, when the connection shuts down or the listener gives it up.</summary>
        public Task<string> Lost => lost.Task;

        /// <summary>Gives up a connection that no longer works though it looks open.</summary>
        public void GiveUp(string reason) => lost.TrySetResult(reason);

        /// <summary>
        /// Acknowledges a handled delivery: at once, or, when deliveries are handled one at a time in order,
        /// with one acknowledgement for every <c>Prefetch / 2</c> of them or after 20 ms, whichever comes first
        /// (multiple=true covers exactly the deliveries handled so far: the ones settled otherwise are no longer
        /// outstanding). What is not acknowledged when the connection drops is delivered again.
        /// </summary>
        public async ValueTask AckAsync(ulong deliveryTag, CancellationToken cancellationToken)
        {
            if (ackBatch <= 1)
            {
                if (Consuming.IsOpen)
                {
                    await Consuming.BasicAckAsync(deliveryTag, false, cancellationToken).ConfigureAwait(false);
                }

                return;
            }

            bool flushNow;
            lock (_ackLock)
            {
                _handledTag = deliveryTag;
                _unacknowledged++;
                flushNow = _unacknowledged >= ackBatch;
                if (!flushNow && !_flushScheduled)
                {
                    _flushScheduled = true;
                    _ackTimer ??= new Timer(static state => ((Session)state!).FlushLater(), this, Timeout.Infinite, Timeout.Infinite);
                    _ackTimer.Change(AckDelay, Timeout.InfiniteTimeSpan);
                }
            }

            if (flushNow)
            {
                await FlushAcksAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>Sends the acknowledgement that covers every delivery handled so far, if any waits.</summary>
        public async Task FlushAcksAsync(CancellationToken cancellationToken)
        {
            await _acking.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                ulong tag;
                lock (_ackLock)
                {
                    if (_unacknowledged == 0)
                    {
                        return;
                    }

                    tag = _handledTag;
                    _unacknowledged = 0;
                }

                if (Consuming.IsOpen)
                {
                    await Consuming.BasicAckAsync(tag, true, cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                _acking.Release();
            }
        }

        public void Dispose()
        {
            lock (_ackLock)
            {
                _ackTimer?.Dispose();
                _ackTimer = null;
            }
        }

        private async void FlushLater()
        {
            lock (_ackLock)
            {
                _flushScheduled = false;
            }

            using var timeout = new CancellationTokenSource(SettleTimeout);
            try
            {
                await FlushAcksAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                GiveUp($"an acknowledgement took more than {SettleTimeout.TotalSeconds:0} s");
            }
            catch (Exception)
            {
                // The channel is gone: the broker delivers again what was not acknowledged.
            }
        }
    }
}
