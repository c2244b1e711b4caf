using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using VersionedNotifications.Wire;

namespace VersionedNotifications;

/// <summary>
/// The broker-neutral body of every listener: read -> filter -> dispatch -> count, ending in a
/// <see cref="ListenerVerdict"/> that the transport's settler carries out with its broker. Unreadable messages
/// and handler failures are logged here, a few lines a minute at most, with the reason and message id, and
/// wire text escaped.
/// </summary>
internal sealed partial class ListenerPipeline
{
    private readonly NotificationReader _reader;
    private readonly NotificationDispatcher _dispatcher;
    private readonly NotificationFilter _filter;
    private readonly ListenerPolicy _policy;
    private readonly ILogger _logger;
    private readonly LogLimiter _unreadableLog = new();
    private readonly LogLimiter _failureLog = new();

    public ListenerPipeline(NotificationReader reader, NotificationDispatcher dispatcher, NotificationFilter filter, ListenerPolicy policy, ILogger logger)
    {
        _reader = reader;
        _dispatcher = dispatcher;
        _filter = filter;
        _policy = policy;
        _logger = logger;
    }

    /// <summary>What the listener did so far.</summary>
    public NotificationListenerStatistics Statistics { get; } = new();

    /// <summary>
    /// Reads and dispatches one delivery from <paramref name="source"/> (a queue or address, for the logs).
    /// Handlers get <paramref name="stopping"/>; when it cancels them, the message is given back at once.
    /// </summary>
    public async ValueTask<ListenerVerdict> ProcessAsync(ReadOnlyMemory<byte> body, string source, CancellationToken stopping)
    {
        Statistics.AddReceived();
        NotificationReadResult? result = null;
        try
        {
            // The read sits with the dispatch: should it ever throw (it promises not to), the message is
            // settled as a failed one instead of staying unsettled.
            result = _reader.Read(body);
            if (!_filter.Handles(result))
            {
                return new ListenerVerdict(SettleDecision.Acknowledge, ListenerOutcome.Skipped, null, result);
            }

            var outcome = await _dispatcher.DispatchAsync(result, stopping).ConfigureAwait(false);
            return outcome == DispatchOutcome.Handled
                ? new ListenerVerdict(SettleDecision.Acknowledge, ListenerOutcome.Handled, null, result)
                : Unhandled(result, source);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return new ListenerVerdict(SettleDecision.Requeue, ListenerOutcome.Interrupted, null, result);
        }
        catch (Exception error)
        {
            if (_failureLog.TryEnter(out var suppressed))
            {
                LogHandlerFailed(_logger, error, NotificationFilter.Identify(result), source, _policy.OnHandlerFailure, Suppressed(suppressed));
            }

            if (_policy.OnHandlerFailure == SettleDecision.Requeue)
            {
                await DelayRequeueAsync(stopping).ConfigureAwait(false);
            }

            return new ListenerVerdict(_policy.OnHandlerFailure, ListenerOutcome.Failed, $"{error.GetType().FullName}: {error.Message}", result);
        }
    }

    /// <summary>Counts a delivery its settler settled as <paramref name="verdict"/> said.</summary>
    public void Settled(ListenerVerdict verdict)
    {
        switch (verdict.Decision)
        {
            case SettleDecision.Requeue:
                Statistics.AddRequeued();
                return;
            case SettleDecision.Reject:
                Statistics.AddRejected();
                return;
            case SettleDecision.DeadLetter:
                Statistics.AddDeadLettered();
                return;
        }

        switch (verdict.Outcome)
        {
            case ListenerOutcome.Handled:
                Statistics.AddHandled();
                break;
            case ListenerOutcome.HandledByFallback:
                Statistics.AddHandledByFallback();
                break;
            case ListenerOutcome.Unreadable:
                Statistics.AddDiscarded();
                break;
            default:
                Statistics.AddSkipped();
                break;
        }
    }

    /// <summary>Lines about unreadable messages and failed handlers left out since the last logged, for the listener's closing line.</summary>
    public long TakeSuppressedLines() => _unreadableLog.TakeSuppressed() + _failureLog.TakeSuppressed();

    private ListenerVerdict Unhandled(NotificationReadResult result, string source)
    {
        var reason = UnreadableMessages.ReasonOf(result, _reader.Options);
        if (reason is { } unreadable)
        {
            Statistics.AddUnreadable(unreadable);
        }

        if (_dispatcher.HasFallback)
        {
            return new ListenerVerdict(SettleDecision.Acknowledge, ListenerOutcome.HandledByFallback, null, result);
        }

        if (reason is not { } why)
        {
            return new ListenerVerdict(SettleDecision.Acknowledge, ListenerOutcome.Skipped, null, result);
        }

        var detail = Describe(result);
        if (_unreadableLog.TryEnter(out var suppressed))
        {
            LogUnreadable(_logger, source, why, MessageIdOf(result), detail, _policy.OnUnreadable, Suppressed(suppressed));
        }

        return new ListenerVerdict(_policy.OnUnreadable, ListenerOutcome.Unreadable, $"{why}: {detail}", result);
    }

    private async ValueTask DelayRequeueAsync(CancellationToken stopping)
    {
        try
        {
            await Task.Delay(_policy.RequeueDelay, stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping: give it back at once.
        }
    }

    private static string MessageIdOf(NotificationReadResult result) => result switch
    {
        UnsupportedNotification unsupported => EchoedText.Of(unsupported.Header.MessageId),
        MalformedNotification { MessageId: { } id } => EchoedText.Of(id),
        _ => "(none read)",
    };

    private static string Describe(NotificationReadResult result) => result switch
    {
        UnsupportedNotification unsupported => $"{EchoedText.Of(unsupported.Header.EventType)}: {unsupported.JsonPath}: {EchoedText.Of(unsupported.Detail, 300)}",
        MalformedNotification malformed => $"{malformed.JsonPath}: {EchoedText.Of(malformed.Reason, 300)}",
        _ => EchoedText.Of(result.ToString() ?? string.Empty, 300),
    };

    private static string Suppressed(long count) => count == 0 ? string.Empty : $" ({count} more like it left out of the log since the last line)";

    [LoggerMessage(101, LogLevel.Warning, "Cannot read a message from {Source}: {Reason}, message id {MessageId}, {Detail}; no handler can take it and it is settled as {Decision}{Suppressed}")]
    private static partial void LogUnreadable(ILogger logger, string source, UnreadableReason reason, string messageId, string detail, SettleDecision decision, string suppressed);

    [LoggerMessage(102, LogLevel.Error, "A handler failed on {Message} from {Source}; the message is settled as {Decision}{Suppressed}")]
    private static partial void LogHandlerFailed(ILogger logger, Exception error, string message, string source, SettleDecision decision, string suppressed);
}
