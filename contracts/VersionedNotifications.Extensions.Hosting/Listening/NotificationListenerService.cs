using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace VersionedNotifications.Extensions.Hosting;

/// <summary>
/// An <see cref="INotificationListener"/> as a hosted service: started with the host, trying again while
/// the bus cannot be reached (so a service does not fail to start because its broker is late; the first failure
/// is logged, then one line a minute), and stopped with the host after the running handlers finish. A refusal
/// that trying again cannot heal (<see cref="BrokerRefusedException"/>) is logged once as an Error naming the
/// setting to change, and ends the trying: <see cref="Started"/> fails with it.
/// </summary>
public sealed partial class NotificationListenerService : BackgroundService
{
    private readonly INotificationListener _listener;
    private readonly ILogger _logger;
    private readonly TimeSpan _retryInterval;

    /// <summary>A service that runs <paramref name="listener"/>, trying to start it every <paramref name="retryInterval"/> (default 5 s).</summary>
    public NotificationListenerService(INotificationListener listener, ILogger<NotificationListenerService>? logger = null, TimeSpan? retryInterval = null)
    {
        ArgumentNullException.ThrowIfNull(listener);
        _listener = listener;
        _logger = logger ?? NullLogger<NotificationListenerService>.Instance;
        _retryInterval = retryInterval ?? TimeSpan.FromSeconds(5);
    }

    /// <summary>The listener it runs.</summary>
    public INotificationListener Listener => _listener;

    /// <summary>Completes once the listener consumes.</summary>
    public Task Started => _started.Task;

    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var quietSince = DateTime.MinValue;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _listener.StartAsync(stoppingToken).ConfigureAwait(false);
                _started.TrySetResult();
                return;
            }
            catch (BrokerRefusedException error)
            {
                LogRefused(_logger, error, error.Message);
                _started.TrySetException(error);
                return;
            }
            catch (BrokerUnavailableException error)
            {
                // A broker away for an hour costs a line a minute, not one per attempt.
                failures++;
                if (DateTime.UtcNow - quietSince >= TimeSpan.FromMinutes(1))
                {
                    LogStartFailed(_logger, error, _retryInterval, failures);
                    quietSince = DateTime.UtcNow;
                }
            }

            try
            {
                await Task.Delay(_retryInterval, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <inheritdoc/>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await _listener.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(1, LogLevel.Warning, "The notification listener could not start ({Failures} attempt(s) so far); trying again every {RetryInterval}")]
    private static partial void LogStartFailed(ILogger logger, Exception error, TimeSpan retryInterval, int failures);

    [LoggerMessage(2, LogLevel.Error, "The notification listener will not start: {Refusal}")]
    private static partial void LogRefused(ILogger logger, Exception error, string refusal);
}
