using System;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace VersionedNotifications;

/// <summary>
/// What every broker listener does the same way (RabbitMQ's, AMQP 1.0's): each message goes through one pipeline (read,
/// filter, dispatch, count) that returns how the transport settles it, under the options' policy; statistics and
/// instruments by one vocabulary; started and stopped by a host. The transport adds only how messages arrive and how
/// a settlement reaches its broker.
/// </summary>
public abstract partial class NotificationTransportListener : INotificationListener, IAsyncDisposable
{
    private readonly Meter _meter;
    private readonly bool _ownsMeter;

    /// <summary>Checks the options and makes the pipeline and the listener's instruments.</summary>
    /// <param name="options">The listener's options; checked first.</param>
    /// <param name="transport">The transport's word in instrument names: <c>rabbitmq</c>.</param>
    /// <param name="describeUrl">The transport URL without its password, for messages.</param>
    /// <param name="reader">Reads each message.</param>
    /// <param name="dispatcher">Hands each message read to its handlers (built on the same contracts as <paramref name="reader"/>).</param>
    /// <param name="logger">The listener's logger.</param>
    /// <param name="meterFactory">Where the instruments' meter comes from; without one the listener owns its meter.</param>
    /// <exception cref="ArgumentException">The options are not valid; the message lists every problem.</exception>
    private protected NotificationTransportListener(
        NotificationListenerOptions options,
        string transport,
        Func<string, string> describeUrl,
        NotificationReader reader,
        NotificationDispatcher dispatcher,
        ILogger? logger,
        IMeterFactory? meterFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(dispatcher);
        options.ThrowIfInvalid("listener");
        Logger = logger ?? NullLogger.Instance;
        Url = describeUrl(options.TransportUrl);
        Pipeline = new ListenerPipeline(reader, dispatcher, options.Filter, options.Policy, Logger);
        _ownsMeter = meterFactory is null;
        _meter = NotifierMetrics.CreateMeter(meterFactory);
        TransportMetrics.RegisterListener(_meter, transport, Statistics);
    }

    /// <summary>What the listener did so far: received, handled, handled by fallback, skipped, unreadable by reason, discarded, requeued, rejected, dead-lettered.</summary>
    public NotificationListenerStatistics Statistics => Pipeline.Statistics;

    /// <summary>The transport URL without its password.</summary>
    private protected string Url { get; }

    private protected ListenerPipeline Pipeline { get; }

    private protected ILogger Logger { get; }

    /// <inheritdoc/>
    public abstract Task StartAsync(CancellationToken cancellationToken = default);

    /// <inheritdoc/>
    public abstract Task StopAsync(CancellationToken cancellationToken = default);

    /// <summary>Stops the listener, giving the running handlers 30 seconds.</summary>
    public async ValueTask DisposeAsync()
    {
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            await StopAsync(timeout.Token).ConfigureAwait(false);
        }

        DisposeTransport();
        if (_ownsMeter)
        {
            _meter.Dispose();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Frees what the transport holds once stopped.</summary>
    private protected abstract void DisposeTransport();

    /// <summary>Logs the end of listening, with the statistics and the count of log lines the pipeline left out.</summary>
    private protected void LogStopped() => LogStopped(Logger, Url, Statistics.ToString(), Pipeline.TakeSuppressedLines());

    [LoggerMessage(2, LogLevel.Information, "Stopped listening on {Url}: {Statistics}; {SuppressedLines} log line(s) about unreadable messages and failed handlers were left out")]
    private static partial void LogStopped(ILogger logger, string url, string statistics, long suppressedLines);
}
