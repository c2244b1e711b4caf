using System;
using System.Threading;
using System.Threading.Tasks;
using global::RabbitMQ.Client;
using global::RabbitMQ.Client.Events;
using Microsoft.Extensions.Logging;
using VersionedNotifications.Drivers;

namespace VersionedNotifications.RabbitMQ;

/// <summary>
/// The connection of a RabbitMQ driver or listener, supervised: connects (again, with a backoff) while the broker
/// is away, says once per outage that it cannot reach it, tells a refusal that cannot heal from an outage, and
/// notices when the connection is lost (<see cref="Lost"/>). RabbitMQ.Client's automatic recovery is off (see
/// <see cref="RabbitMQConnections"/>): a lost connection is given up and a new one made, and its owner opens its
/// channels and declares its topology again.
/// </summary>
internal sealed partial class RabbitMQConnectionSupervisor
{
    private readonly RabbitMQConnectionOptions _options;
    private readonly string _defaultName;
    private readonly ILogger _logger;
    private TaskCompletionSource<string> _lost = NewLost();
    private IConnection? _connection;
    private bool _everConnected;
    private bool _unreachableLogged;

    public RabbitMQConnectionSupervisor(RabbitMQConnectionOptions options, string defaultName, ILogger logger)
    {
        _options = options;
        _defaultName = defaultName;
        _logger = logger;
        Url = RabbitMQConnections.Describe(options.TransportUrl);
    }

    /// <summary>The broker, password hidden.</summary>
    public string Url { get; }

    /// <summary>The connection now, open or not; <see langword="null"/> before the first or after one was given up.</summary>
    public IConnection? Current => Volatile.Read(ref _connection);

    /// <summary>Completes, with the reason, when the current connection shuts down or is given up.</summary>
    public Task<string> Lost => Volatile.Read(ref _lost).Task;

    /// <summary>Connects once.</summary>
    /// <exception cref="NotificationRefusedException">The broker refused the credentials or virtual host; the message names the setting.</exception>
    public async Task<IConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        IConnection connection;
        try
        {
            connection = await RabbitMQConnections.ConnectAsync(_options, _defaultName, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when ((error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            && RabbitMQRefusals.Explain(error, _options, "open a connection") is { } refusal)
        {
            throw new NotificationRefusedException(refusal, error);
        }

        var lost = NewLost();
        connection.ConnectionShutdownAsync += (_, args) => OnShutdownAsync(lost, args);
        Volatile.Write(ref _lost, lost);
        Volatile.Write(ref _connection, connection);
        if (_everConnected)
        {
            LogReconnected(_logger, Url);
        }
        else
        {
            LogConnected(_logger, Url);
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

            if (failures > 0)
            {
                await Task.Delay(_options.ReconnectDelay(failures), stopping).ConfigureAwait(false);
            }

            try
            {
                return await ConnectAsync(stopping).ConfigureAwait(false);
            }
            catch (Exception error) when (error is not (NotificationRefusedException or OperationCanceledException))
            {
                if (!_unreachableLogged)
                {
                    LogUnreachable(_logger, error, Url);
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
            LogConnectionLost(_logger, Url, reason);
        }
    }

    /// <summary>Drops the current connection (closed, or given up) with its channels; the next <see cref="ConnectedAsync"/> makes a new one.</summary>
    public Task AbandonAsync(params IChannel?[] channels)
    {
        var connection = Interlocked.Exchange(ref _connection, null);
        return RabbitMQConnections.AbandonAsync(connection, channels);
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

    private Task OnShutdownAsync(TaskCompletionSource<string> lost, ShutdownEventArgs args)
    {
        var ours = args.Initiator == ShutdownInitiator.Application;
        if (lost.TrySetResult(args.ReplyText) && !ours)
        {
            LogConnectionLost(_logger, Url, args.ReplyText);
        }

        return Task.CompletedTask;
    }

    private static TaskCompletionSource<string> NewLost() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [LoggerMessage(301, LogLevel.Information, "Connected to {Url}")]
    private static partial void LogConnected(ILogger logger, string url);

    [LoggerMessage(302, LogLevel.Warning, "Cannot reach RabbitMQ at {Url}; trying again until it answers")]
    private static partial void LogUnreachable(ILogger logger, Exception error, string url);

    [LoggerMessage(303, LogLevel.Warning, "Lost the connection to {Url} ({Reason}); reconnecting")]
    private static partial void LogConnectionLost(ILogger logger, string url, string reason);

    [LoggerMessage(304, LogLevel.Information, "Reconnected to {Url}")]
    private static partial void LogReconnected(ILogger logger, string url);

    [LoggerMessage(305, LogLevel.Warning, "Closing the connection to {Url} failed")]
    private static partial void LogCloseFailed(ILogger logger, Exception error, string url);
}
