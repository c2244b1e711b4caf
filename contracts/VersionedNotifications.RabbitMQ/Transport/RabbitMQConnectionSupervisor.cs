using global::RabbitMQ.Client.Events;
using VersionedNotifications.Drivers;

namespace VersionedNotifications.RabbitMQ;

/// <summary>
/// The connection of a RabbitMQ driver or listener, supervised: connects to one host of the transport URL at a
/// time, moving on to the next by oslo's failover strategy after each failed attempt or lost connection
/// (<see cref="RabbitMQHostOrder"/>), with a backoff after each round over the hosts while none answers; says once
/// per outage that it cannot reach the broker, tells a refusal that cannot heal from an outage, and notices when
/// the connection is lost (<see cref="Lost"/>). RabbitMQ.Client's automatic recovery is off (see
/// <see cref="RabbitMQConnections"/>): a lost connection is given up and a new one made, and its owner opens its
/// channels and declares its topology again.
/// </summary>
internal sealed partial class RabbitMQConnectionSupervisor
{
    private readonly IRabbitMQConnectionOptions _options;
    private readonly string _defaultName;
    private readonly ILogger _logger;
    private readonly RabbitMQHostOrder _hosts;
    private TaskCompletionSource<string> _lost = NewLost();
    private IConnection? _connection;
    private TransportHost? _connectedHost;
    private bool _connectedOnLastAttempt;
    private bool _everConnected;
    private bool _unreachableLogged;

    public RabbitMQConnectionSupervisor(IRabbitMQConnectionOptions options, string defaultName, ILogger logger)
    {
        _options = options;
        _defaultName = defaultName;
        _logger = logger;
        Url = RabbitMQConnections.Describe(options.TransportUrl);
        _hosts = new RabbitMQHostOrder(TransportUrl.Parse(options.TransportUrl).Hosts, options.Broker.FailoverStrategy, Random.Shared);
    }

    /// <summary>The broker, password hidden.</summary>
    public string Url { get; }

    /// <summary>How many hosts the transport URL names.</summary>
    public int HostCount => _hosts.Hosts.Count;

    /// <summary>The connection now, open or not; <see langword="null"/> before the first or after one was given up.</summary>
    public IConnection? Current => Volatile.Read(ref _connection);

    /// <summary>Completes, with the reason, when the current connection shuts down or is given up.</summary>
    public Task<string> Lost => Volatile.Read(ref _lost).Task;

    /// <summary>How long to wait before the next attempt after <paramref name="failures"/> in a row: nothing until every host failed once, then the backoff of <see cref="NotificationTransportOptions.RecoveryInterval"/>.</summary>
    public TimeSpan ReconnectDelay(int failures) => _hosts.DelayAfter(failures, _options.ReconnectDelay);

    /// <summary>
    /// Connects once, to the host whose turn it is; a failure moves the turn on to the next host, and so does the loss
    /// of the connection made last. (kombu first tries the lost node again; a node shutting down can hold that attempt
    /// for seconds, as the cluster tests saw, while the next node answers at once.)
    /// </summary>
    /// <exception cref="NotificationRefusedException">The broker refused the credentials or virtual host; the message names the setting.</exception>
    public async Task<IConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        if (_connectedOnLastAttempt)
        {
            _hosts.MoveNext();
            _connectedOnLastAttempt = false;
        }

        IConnection connection;
        var host = _hosts.Current;
        try
        {
            connection = await RabbitMQConnections.ConnectAsync(_options, host, _defaultName, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when ((error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            && RabbitMQRefusals.Explain(error, _options, "open a connection") is { } refusal)
        {
            throw new NotificationRefusedException(refusal, error);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _hosts.MoveNext();
            throw;
        }

        var lost = NewLost();
        connection.ConnectionShutdownAsync += (_, args) => OnShutdownAsync(lost, host, args);
        Volatile.Write(ref _lost, lost);
        Volatile.Write(ref _connection, connection);
        Volatile.Write(ref _connectedHost, host);
        _connectedOnLastAttempt = true;
        if (_everConnected)
        {
            LogReconnected(_logger, host.ToString(), Url);
        }
        else
        {
            LogConnected(_logger, host.ToString(), Url);
        }

        _everConnected = true;
        _unreachableLogged = false;
        return connection;
    }

    /// <summary>The open connection, or a new one: tries again with a backoff while the broker is away.</summary>
    /// <exception cref="NotificationRefusedException">The broker refused for good; the message names the setting.</exception>
    public async Task<IConnection> ConnectedAsync(CancellationToken stopping)
    {
        for (var failures = 0; ; failures++)
        {
            stopping.ThrowIfCancellationRequested();
            if (Current is { IsOpen: true } open && !Lost.IsCompleted)
            {
                return open;
            }

            if (ReconnectDelay(failures) is { Ticks: > 0 } delay)
            {
                await Task.Delay(delay, stopping).ConfigureAwait(false);
            }

            try
            {
                return await ConnectAsync(stopping).ConfigureAwait(false);
            }
            catch (Exception error) when (error is not (NotificationRefusedException or OperationCanceledException))
            {
                if (!_unreachableLogged)
                {
                    LogUnreachable(_logger, error, Url, _hosts.Current.ToString());
                    _unreachableLogged = true;
                }
            }
        }
    }

    /// <summary>Gives up a connection that no longer works though it looks open (a write or a check that never completes).</summary>
    public void GiveUp(string reason)
    {
        if (Volatile.Read(ref _lost).TrySetResult(reason))
        {
            LogConnectionLost(_logger, Volatile.Read(ref _connectedHost)?.ToString() ?? Url, Url, reason);
        }
    }

    /// <summary>
    /// Drops the current connection (closed, or given up) with its channels; the next <see cref="ConnectedAsync"/> makes a
    /// new one at once. The abort goes on by itself (at most 5 s, never throwing): a node that is going down held it for
    /// the whole 5 s in the cluster tests, while the next node was ready to take the connection.
    /// </summary>
    public void Abandon(params IChannel?[] channels)
    {
        var connection = Interlocked.Exchange(ref _connection, null);
        _ = RabbitMQConnections.AbandonAsync(connection, channels);
    }

    /// <summary>Closes the channels and the connection, as an owner that stops does.</summary>
    public async Task CloseAsync(params IChannel?[] channels)
    {
        var connection = Interlocked.Exchange(ref _connection, null);
        try
        {
            await RabbitMQConnections.CloseAsync(connection, channels).ConfigureAwait(false);
        }
        catch (Exception error)
        {
            LogCloseFailed(_logger, error, Url);
        }
    }

    private Task OnShutdownAsync(TaskCompletionSource<string> lost, TransportHost host, ShutdownEventArgs args)
    {
        var ours = args.Initiator == ShutdownInitiator.Application;
        if (lost.TrySetResult(args.ReplyText) && !ours)
        {
            LogConnectionLost(_logger, host.ToString(), Url, args.ReplyText);
        }

        return Task.CompletedTask;
    }

    private static TaskCompletionSource<string> NewLost() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [LoggerMessage(301, LogLevel.Information, "Connected to {Node} of {Url}")]
    private static partial void LogConnected(ILogger logger, string node, string url);

    [LoggerMessage(302, LogLevel.Warning, "Cannot reach RabbitMQ at {Url}; trying again, {Next} next, until a host answers")]
    private static partial void LogUnreachable(ILogger logger, Exception error, string url, string next);

    [LoggerMessage(303, LogLevel.Warning, "Lost the connection to {Node} of {Url} ({Reason}); reconnecting")]
    private static partial void LogConnectionLost(ILogger logger, string node, string url, string reason);

    [LoggerMessage(304, LogLevel.Information, "Reconnected to {Node} of {Url}")]
    private static partial void LogReconnected(ILogger logger, string node, string url);

    [LoggerMessage(305, LogLevel.Warning, "Closing the connection to {Url} failed")]
    private static partial void LogCloseFailed(ILogger logger, Exception error, string url);
}
