using Amqp;
using Amqp.Framing;
using Amqp.Handler;
using Amqp.Sasl;

namespace VersionedNotifications.Qpid;

/// <summary>What an <see cref="AmqpConnection"/> tells its owner, always on the connection's <see cref="SerialWork"/>.</summary>
internal interface IAmqpConnectionHandler
{
    /// <summary>The peer opened the connection: <paramref name="links"/> attaches links on its session, and <paramref name="addresses"/> follow the mode resolved for this peer.</summary>
    void OnOpened(AmqpLinks links, NotificationAddresses addresses);

    /// <summary>The connection is gone (it will be made again unless stopping): its links are of no use from now on.</summary>
    void OnClosed(string reason);

    /// <summary>The peer refused for good (<see cref="QpidRefusals"/>): <see cref="OnClosed"/> follows, and the connection is not made again.</summary>
    void OnRefused(string refusal);
}

/// <summary>
/// One AMQP 1.0 connection through AMQPNetLite, made again after every loss, with one session for the
/// owner's links. A supervising task connects, waits for the connection to end, and connects again, to the
/// next host of the URL, after <see cref="NotificationTransportOptions.RecoveryInterval"/> doubled per failure
/// (30 s at most); the peer closing a link or the session closes the connection, which is then made again.
/// Everything the owner is told, and everything it posts, runs on one <see cref="SerialWork"/>, in order.
/// </summary>
internal sealed partial class AmqpConnection
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(5);

    private readonly IQpidConnectionOptions _options;
    private readonly AmqpTransportUrl _url;
    private readonly string _role;
    private readonly IAmqpConnectionHandler _handler;
    private readonly ILogger _logger;
    private readonly SerialWork _work;
    private readonly CancellationTokenSource _stop = new();
    private Task _supervisor = Task.CompletedTask;

    public AmqpConnection(IQpidConnectionOptions options, string role, IAmqpConnectionHandler handler, ILogger logger)
    {
        _options = options;
        _url = AmqpTransportUrl.Parse(options.TransportUrl);
        _role = role;
        _handler = handler;
        _logger = logger;
        _work = new SerialWork(role, logger);
        Url = _url.ToString();
    }

    /// <summary>The URL, without passwords, for messages.</summary>
    public string Url { get; }

    /// <summary>Starts connecting, in the background.</summary>
    public void Start() => _supervisor = Task.Run(SuperviseAsync);

    /// <summary>Runs <paramref name="work"/> on the connection's <see cref="SerialWork"/>, in the order posted.</summary>
    public void Post(Action work) => _work.Post(work);

    /// <summary>
    /// Closes the connection after the work posted before (so settlements reach the peer first), waits for
    /// the peer's close (at most 5 s, then drops the socket), and completes once the owner has been told.
    /// </summary>
    public async Task StopAsync()
    {
        _work.Post(_stop.Cancel);
        await _supervisor.ConfigureAwait(false);
        _work.Complete();
        await _work.Completion.ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task SuperviseAsync()
    {
        var attempt = 0;
        var failures = 0;
        while (!_stop.IsCancellationRequested)
        {
            var host = _url.Hosts[attempt++ % _url.Hosts.Count];
            var run = new ConnectionRun();
            try
            {
                var connection = await ConnectAsync(host, run).ConfigureAwait(false);
                failures = 0;
                await RunAsync(connection, run).ConfigureAwait(false);
            }
            catch (Exception error) when (!_stop.IsCancellationRequested)
            {
                run.CloseFor(error is AmqpException amqp ? Describe(amqp.Error) : error.Message);
                if (error is AmqpException { Error: var refused } && QpidRefusals.Explain(refused, _options, Url, "open a connection") is { } refusedForGood)
                {
                    run.RefuseFor(refusedForGood);
                }
            }
            catch (OperationCanceledException)
            {
                run.CloseFor("the connection was closed");
            }

            var reason = run.Reason ?? (run.Opened ? "the connection closed" : "the connection could not be made");
            if (run.Refusal is { } refusal)
            {
                LogRefused(_logger, _role, Url, refusal);
                _work.Post(() => _handler.OnRefused(refusal));
                _work.Post(() => _handler.OnClosed(reason));
                return;
            }

            _work.Post(() => _handler.OnClosed(reason));

            if (_stop.IsCancellationRequested)
            {
                return;
            }

            failures++;
            var delay = TimeSpan.FromTicks(Math.Min(_options.RecoveryInterval.Ticks << Math.Min(failures - 1, 10), MaxBackoff.Ticks));
            if (run.Opened)
            {
                LogConnectionLost(_logger, _role, Url, reason, delay);
            }
            else
            {
                LogUnreachable(_logger, _role, Url, reason, delay);
            }

            try
            {
                await Task.Delay(delay, _stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<Connection> ConnectAsync(TransportHost host, ConnectionRun run)
    {
        var factory = new ConnectionFactory();
        factory.AMQP.ContainerId = _options.Broker.ContainerId ?? $"versioned-notifications-{_role}-{Guid.NewGuid():N}";
        factory.AMQP.HostName = host.HostName;
        if (_options.Broker.IdleTimeout > TimeSpan.Zero)
        {
            factory.AMQP.IdleTimeout = (int)Math.Min(_options.Broker.IdleTimeout.TotalMilliseconds, int.MaxValue);
        }

        // SASL PLAIN with the URL's credentials, over a connection without TLS, as oslo's amqp1 driver sends
        // them (its ssl options are not supported here); ANONYMOUS without a user, as oslo.
        if (host.UserName is null)
        {
            factory.SASL.Profile = SaslProfile.Anonymous;
        }

        var address = new Address(host.HostName, host.Port, host.UserName, host.UserName is null ? null : host.Password ?? string.Empty, "/", "amqp");
        return await factory.CreateAsync(address, _stop.Token, run).ConfigureAwait(false);
    }

    /// <summary>Opens the session, hands it to the owner, and waits until the connection ends or the connection is stopped.</summary>
    private async Task RunAsync(Connection connection, ConnectionRun run)
    {
        run.Opened = true;
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.AddClosedCallback((_, error) =>
        {
            run.CloseFor(error is null ? null : "the peer closed the connection: " + Describe(error));
            closed.TrySetResult();
        });
        var session = new Session(connection);
        session.AddClosedCallback((_, error) =>
        {
            if (!connection.IsClosed)
            {
                CloseFor(connection, run, "the peer ended the session" + Because(error));
            }
        });

        var mode = NotificationAddresses.Resolve(_options.Broker.Addressing, run.Product);
        LogConnected(_logger, _role, Url, run.Product ?? "an unnamed peer", mode);
        var links = new AmqpLinks(session, _work, (link, error) =>
        {
            if (QpidRefusals.Explain(error, _options, Url, $"attach link '{link}'") is { } refusal)
            {
                run.RefuseFor(refusal);
            }

            CloseFor(connection, run, $"the peer detached link '{link}': {Describe(error)}");
        });
        var addresses = new NotificationAddresses(_options, mode, _url.VirtualHost);
        _work.Post(() => _handler.OnOpened(links, addresses));

        using (_stop.Token.Register(() => closed.TrySetResult()))
        {
            await closed.Task.ConfigureAwait(false);
        }

        if (!connection.IsClosed)
        {
            // Stopping: an orderly close, or the socket dropped when the peer does not answer.
            run.CloseFor("the connection was closed");
            try
            {
                await connection.CloseAsync(CloseTimeout, null).ConfigureAwait(false);
            }
            catch (Exception error) when (error is TimeoutException or AmqpException or ObjectDisposedException or InvalidOperationException)
            {
                LogCloseFailed(_logger, _role, Url, error.Message);
            }
        }
    }

    /// <summary>Closes the connection because the peer closed part of it; it is made again once closed.</summary>
    private void CloseFor(Connection connection, ConnectionRun run, string reason)
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        run.CloseFor(reason);
        _ = connection.CloseAsync(TimeSpan.Zero, null);
    }

    private static string Because(Error? error) => error is null ? string.Empty : ": " + Describe(error);

    /// <summary>An AMQP error as <c>condition: description</c>.</summary>
    internal static string Describe(Error? error) => error switch
    {
        null => "no reason given",
        { Description: null or "" } => error.Condition.ToString(),
        _ => $"{error.Condition}: {error.Description}",
    };

    /// <summary>
    /// One attempt at a connection: the first reason it ended for, and the <c>product</c> the peer names in
    /// its open frame (<c>RabbitMQ</c>, <c>qpid-cpp</c>, <c>qpid-dispatch-router</c>), read as the frame arrives.
    /// </summary>
    private sealed class ConnectionRun : IHandler
    {
        private string? _reason;
        private string? _refusal;

        public string? Product { get; private set; }

        public bool Opened { get; set; }

        public string? Reason => Volatile.Read(ref _reason);

        /// <summary>Why the peer refused for good, naming the setting to change; <see langword="null"/> while it has not.</summary>
        public string? Refusal => Volatile.Read(ref _refusal);

        public void RefuseFor(string refusal) => Interlocked.CompareExchange(ref _refusal, refusal, null);

        public void CloseFor(string? reason)
        {
            if (reason is not null)
            {
                Interlocked.CompareExchange(ref _reason, reason, null);
            }
        }

        public bool CanHandle(Amqp.Handler.EventId id) => id == Amqp.Handler.EventId.ConnectionRemoteOpen;

        public void Handle(Event protocolEvent)
        {
            if (protocolEvent.Context is Open { Properties: { } properties } && properties.TryGetValue(new Amqp.Types.Symbol("product"), out var product))
            {
                Product = product?.ToString();
            }
        }
    }

    [LoggerMessage(101, LogLevel.Information, "The {Role} connected to {Url} ({Product}); addresses are {Mode}")]
    private static partial void LogConnected(ILogger logger, string role, string url, string product, QpidAddressingMode mode);

    [LoggerMessage(102, LogLevel.Warning, "The {Role} lost the connection to {Url} ({Reason}); connecting again in {Delay}")]
    private static partial void LogConnectionLost(ILogger logger, string role, string url, string reason, TimeSpan delay);

    [LoggerMessage(103, LogLevel.Warning, "The {Role} cannot reach {Url} ({Reason}); trying again in {Delay}")]
    private static partial void LogUnreachable(ILogger logger, string role, string url, string reason, TimeSpan delay);

    [LoggerMessage(106, LogLevel.Debug, "The {Role} stops connecting to {Url}: {Refusal}")]
    private static partial void LogRefused(ILogger logger, string role, string url, string refusal);

    [LoggerMessage(105, LogLevel.Debug, "The {Role} did not close its connection to {Url} in order ({Reason}); the socket is dropped")]
    private static partial void LogCloseFailed(ILogger logger, string role, string url, string reason);
}
