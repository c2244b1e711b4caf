using VersionedNotifications.Qpid;
using VersionedNotifications.RabbitMQ;

namespace VersionedNotifications.Tool.Commands.Transports;

/// <summary>What <c>vnotify listen</c> asks of the bus, whichever transport the URL names.</summary>
/// <param name="Url">--url.</param>
/// <param name="Exchange">--exchange.</param>
/// <param name="Topics">--topic.</param>
/// <param name="Priorities">--priority; <see langword="null"/> for all.</param>
/// <param name="Pool">--pool (RabbitMQ only).</param>
/// <param name="OsloQueues">--oslo-queues (RabbitMQ only; over AMQP 1.0 the listener always consumes oslo's addresses).</param>
/// <param name="Durable">--durable.</param>
internal sealed record ListenSettings(string Url, string Exchange, IReadOnlyList<string> Topics, IReadOnlyList<NotificationPriority>? Priorities, string? Pool, bool OsloQueues, bool Durable);

/// <summary>
/// A listener on the bus of a transport URL: RabbitMQ's for <c>rabbit://</c>, the AMQP 1.0 one (VersionedNotifications.Qpid)
/// for <c>amqp://</c>. The settings are checked first, before the contracts are loaded; a handler that throws has its
/// message put back, so the tool never takes what it could not print.
/// </summary>
internal sealed class BusListener : IAsyncDisposable
{
    private readonly Func<NotificationReader, NotificationDispatcher, INotificationListener> _create;
    private readonly Func<INotificationListener, string> _describe;
    private INotificationListener? _listener;

    private BusListener(Func<NotificationReader, NotificationDispatcher, INotificationListener> create, Func<INotificationListener, string> describe)
    {
        _create = create;
        _describe = describe;
    }

    /// <summary>A listener for <paramref name="settings"/>, not yet connected.</summary>
    /// <exception cref="UsageException">The settings are not valid for the transport.</exception>
    public static BusListener Create(ListenSettings settings)
    {
        TransportSchemes.ThrowIfUnknown(settings.Url);
        return TransportSchemes.IsAmqp10(settings.Url) ? CreateAmqp(settings) : CreateRabbitMQ(settings);
    }

    /// <summary>Connects and starts consuming, reading with <paramref name="reader"/> and dispatching with <paramref name="dispatcher"/>.</summary>
    /// <exception cref="BrokerUnavailableException">The bus cannot be reached, or refused what the listener asks for.</exception>
    public Task StartAsync(NotificationReader reader, NotificationDispatcher dispatcher, CancellationToken cancellationToken)
    {
        _listener = _create(reader, dispatcher);
        return _listener.StartAsync(cancellationToken);
    }

    /// <summary><c>listening on &lt;url&gt; ...</c>, once started.</summary>
    /// <exception cref="InvalidOperationException">The listener is not started.</exception>
    public string Describe() => _describe(_listener ?? throw new InvalidOperationException("The listener is not started."));

    public ValueTask DisposeAsync() => _listener is IAsyncDisposable started ? started.DisposeAsync() : ValueTask.CompletedTask;

    private static BusListener CreateRabbitMQ(ListenSettings settings)
    {
        var options = new RabbitMQNotificationListenerOptions
        {
            TransportUrl = settings.Url,
            ControlExchange = settings.Exchange,
            Topics = settings.Topics.ToList(),
            DurableQueues = settings.Durable,
            Pool = settings.Pool,
            PrivateQueue = settings.Pool is null && !settings.OsloQueues,
            OnFailure = RabbitMQListenerFailureAction.Requeue,
        };
        if (settings.Priorities is { } priorities)
        {
            options.Priorities = priorities.ToList();
        }

        ThrowIfInvalid(options.Validate());
        return new BusListener(
            (reader, dispatcher) => new RabbitMQNotificationListener(options, reader, dispatcher),
            listener => $"listening on {TransportUrl.Parse(options.TransportUrl)} exchange '{options.ControlExchange}' for {string.Join(", ", ((RabbitMQNotificationListener)listener).RoutingKeys)}");
    }

    private static BusListener CreateAmqp(ListenSettings settings)
    {
        if (settings.Pool is not null)
        {
            throw new UsageException("--pool: oslo's AMQP 1.0 transport has no listener pools (listeners on one address share its messages); it applies to rabbit:// URLs");
        }

        var options = new QpidNotificationListenerOptions
        {
            TransportUrl = settings.Url,
            ControlExchange = settings.Exchange,
            Topics = settings.Topics.ToList(),
            DurableQueues = settings.Durable,
            OnFailure = QpidListenerFailureAction.Release,
        };
        if (settings.Priorities is { } priorities)
        {
            options.Priorities = priorities.ToList();
        }

        ThrowIfInvalid(options.Validate());
        return new BusListener(
            (reader, dispatcher) => new QpidNotificationListener(options, reader, dispatcher),
            listener => $"listening on {AmqpTransportUrl.Parse(options.TransportUrl)} for {string.Join(", ", ((QpidNotificationListener)listener).Addresses)}");
    }

    private static void ThrowIfInvalid(IReadOnlyList<string> errors)
    {
        if (errors.Count > 0)
        {
            throw new UsageException(string.Join("; ", errors.Select(TransportSchemes.ToOptionName)));
        }
    }
}
