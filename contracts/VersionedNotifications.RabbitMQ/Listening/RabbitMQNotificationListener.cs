using System.Diagnostics.Metrics;
using global::RabbitMQ.Client.Events;

namespace VersionedNotifications.RabbitMQ;

/// <summary>
/// Consumes notifications from RabbitMQ as oslo.messaging's notification listener does (the control
/// exchange, <c>&lt;topic&gt;.&lt;priority&gt;</c> bindings, oslo's queues or a pool's), reads each with the
/// typed reader and hands it to a <see cref="NotificationDispatcher"/>. A message is acknowledged after its
/// handlers succeed; when one throws, the message is dead-lettered, requeued or rejected
/// (<see cref="RabbitMQNotificationListenerOptions.OnFailure"/>). Messages outside the event type and publisher
/// filters are acknowledged unread by handlers. A message no typed handler can take (not a notification,
/// an unknown event type, a newer major version) goes to the fallback handler; without one it is logged,
/// counted by reason and acknowledged or dead-lettered (<see cref="NotificationListenerOptions.OnUnreadable"/>).
/// Delivery is at least once: after a lost connection the broker delivers again what was not acknowledged.
/// Use it alone (<see cref="StartAsync"/>, <see cref="StopAsync"/>) or hosted (<c>AddRabbitMQNotificationListener</c>,
/// which runs it as VersionedNotifications.Extensions.Hosting's <c>NotificationListenerService</c>).
/// </summary>
public sealed partial class RabbitMQNotificationListener : NotificationTransportListener
{
    // How long acknowledging, requeueing or dead-lettering one message may wait for the broker.
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(10);

    private readonly RabbitMQNotificationListenerOptions _options;
    private readonly RabbitMQDeliverySettler _settler;
    private readonly RabbitMQConnectionSupervisor _connection;
    private readonly RabbitMQListenerConnector _connector;
    private readonly object _handlingLock = new();
    private CancellationTokenSource _stopping = new();
    private CancellationTokenSource _closing = new();
    private TaskCompletionSource _idle = NewSignal();
    private int _handling;
    private RabbitMQListenerSession? _session;
    private Task? _reconnecting;

    /// <summary>A listener that reads with <paramref name="reader"/> and dispatches with <paramref name="dispatcher"/> (built on the same contracts).</summary>
    /// <exception cref="ArgumentException">The options are not valid; the message lists every problem.</exception>
    public RabbitMQNotificationListener(
        RabbitMQNotificationListenerOptions options, NotificationReader reader, NotificationDispatcher dispatcher, ILogger<RabbitMQNotificationListener>? logger = null, IMeterFactory? meterFactory = null)
        : base(options, RabbitMQMetrics.Transport, RabbitMQConnections.Describe, reader, dispatcher, logger, meterFactory)
    {
        _options = options;
        _connection = new RabbitMQConnectionSupervisor(options, "VersionedNotifications listener", Logger);
        _settler = new RabbitMQDeliverySettler(options, Pipeline, Logger);
        _connector = new RabbitMQListenerConnector(options, _connection, HandleAsync, Logger);
    }

    /// <summary>The queues consumed, once started (a private queue's name is the broker's).</summary>
    public IReadOnlyList<string> Queues => Volatile.Read(ref _session)?.Queues ?? [];

    /// <summary>The routing keys bound: <c>&lt;topic&gt;.&lt;priority&gt;</c> for every topic and priority.</summary>
    public IReadOnlyList<string> RoutingKeys => _options.TopicsAndPriorities;

    /// <summary>
    /// Connects, declares the exchange, queues and bindings as oslo's listener does, and starts consuming.
    /// Once started, the listener connects again by itself after an outage (declaring everything again) and
    /// consuming resumes; what was delivered and not acknowledged before the outage is delivered again.
    /// </summary>
    /// <exception cref="BrokerUnavailableException">The broker cannot be reached, or refused a declaration.</exception>
    /// <exception cref="InvalidOperationException">The listener is already started.</exception>
    public override async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_session is not null || _reconnecting is not null)
        {
            throw new InvalidOperationException("The listener is already started.");
        }

        _stopping = Renewed(_stopping);
        _closing = Renewed(_closing);
        var session = await _connector.OpenFirstAsync(cancellationToken).ConfigureAwait(false);
        _session = session;
        LogStarted(Logger, Url, _options.ControlExchange, string.Join(", ", session.Queues));
        _reconnecting = Task.Run(() => _connector.KeepConnectedAsync(session, reconnected => _session = reconnected, _closing.Token), CancellationToken.None);
    }

    /// <summary>
    /// Stops consuming, waits for the handlers running now (cancelling them when <paramref name="cancellationToken"/>
    /// fires; what they did not acknowledge is delivered again later), and closes the connection.
    /// </summary>
    public override async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (_reconnecting is null)
        {
            return;
        }

        _closing.Cancel();
        await _reconnecting.ConfigureAwait(false);
        _reconnecting = null;
        var session = _session;
        if (session is not null)
        {
            await session.CancelConsumersAsync(SettleTimeout, cancellationToken).ConfigureAwait(false);
        }

        using (cancellationToken.Register(() => _stopping.Cancel()))
        {
            await WaitIdleAsync().ConfigureAwait(false);
        }

        _stopping.Cancel();
        await Task.WhenAny(WaitIdleAsync(), Task.Delay(SettleTimeout, CancellationToken.None)).ConfigureAwait(false);
        if (session is not null)
        {
            try
            {
                using var flush = new CancellationTokenSource(SettleTimeout);
                await session.FlushAcksAsync(flush.Token).ConfigureAwait(false);
            }
            catch (Exception error)
            {
                LogStopProblem(Logger, error, Url);
            }

            session.Dispose();
        }

        _session = null;
        await _connection.CloseAsync(session?.DeadLetters?.Channel, session?.Consuming).ConfigureAwait(false);
        LogStopped();
    }

    private protected override void DisposeTransport()
    {
        _stopping.Dispose();
        _closing.Dispose();
    }

    private async Task HandleAsync(RabbitMQListenerSession session, string queue, BasicDeliverEventArgs delivery)
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
            if (session.Consuming.IsOpen)
            {
                // The client reuses the delivery buffer after this callback; results and handlers may keep the bytes.
                var body = delivery.Body.ToArray();
                var verdict = await Pipeline.ProcessAsync(body, queue, _stopping.Token).ConfigureAwait(false);
                await _settler.SettleAsync(session, queue, delivery, body, verdict, settle.Token, _stopping.Token).ConfigureAwait(false);
            }
        }
        catch (Exception error)
        {
            // Acks and nacks fail only when the channel is gone (or the connection no longer takes writes, which
            // the client may not notice: then the listener gives it up); the broker delivers the message again.
            LogSettleFailed(Logger, error, delivery.DeliveryTag, queue);
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

    private static CancellationTokenSource Renewed(CancellationTokenSource source)
    {
        if (!source.IsCancellationRequested)
        {
            return source;
        }

        source.Dispose();
        return new CancellationTokenSource();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [LoggerMessage(1, LogLevel.Information, "Listening on {Url}, exchange '{Exchange}', queues {Queues}")]
    private static partial void LogStarted(ILogger logger, string url, string exchange, string queues);

    [LoggerMessage(5, LogLevel.Warning, "Could not settle delivery {DeliveryTag} from {Queue}; the broker will deliver it again")]
    private static partial void LogSettleFailed(ILogger logger, Exception error, ulong deliveryTag, string queue);

    [LoggerMessage(6, LogLevel.Warning, "A problem while stopping the listener on {Url}")]
    private static partial void LogStopProblem(ILogger logger, Exception error, string url);
}
