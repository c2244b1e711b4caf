using System;
using System.Linq;
using System.Threading;

namespace VersionedNotifications;

/// <summary>
/// What a notification listener (RabbitMQ's, AMQP 1.0's) did since it was made, in one vocabulary for every
/// transport; also published on the <c>VersionedNotifications</c> meter. Every delivery received ends in exactly
/// one of <see cref="Handled"/>, <see cref="HandledByFallback"/>, <see cref="Skipped"/>, <see cref="Discarded"/>,
/// <see cref="Requeued"/>, <see cref="Rejected"/> or <see cref="DeadLettered"/>, unless its connection dropped
/// first (then the broker delivers it again). <see cref="Unreadable"/> counts, besides, every message no typed
/// handler could take, by reason, whatever became of it.
/// </summary>
public sealed class NotificationListenerStatistics
{
    private readonly long[] _unreadable = new long[Enum.GetValues<UnreadableReason>().Length];
    private long _received;
    private long _handled;
    private long _handledByFallback;
    private long _skipped;
    private long _discarded;
    private long _requeued;
    private long _rejected;
    private long _deadLettered;

    /// <summary>Messages delivered to the listener (a redelivery counts again).</summary>
    public long Received => Interlocked.Read(ref _received);

    /// <summary>Messages a typed handler took, acknowledged.</summary>
    public long Handled => Interlocked.Read(ref _handled);

    /// <summary>Messages only the fallback handler (<see cref="NotificationDispatcher.OnUnhandled"/>) took, acknowledged; unreadable ones among them are also counted by reason.</summary>
    public long HandledByFallback => Interlocked.Read(ref _handledByFallback);

    /// <summary>Messages acknowledged unhandled on purpose: outside the event type or publisher filters, or read fine with no handler for them and no fallback.</summary>
    public long Skipped => Interlocked.Read(ref _skipped);

    /// <summary>Unreadable messages no fallback took, logged and acknowledged (<see cref="UnreadableMessageAction.Acknowledge"/>).</summary>
    public long Discarded => Interlocked.Read(ref _discarded);

    /// <summary>Messages that could not be handed to a typed handler, whatever became of them (see <see cref="UnreadableBy"/>).</summary>
    public long Unreadable => Enum.GetValues<UnreadableReason>().Sum(UnreadableBy);

    /// <summary>Messages given back to be delivered again after a handler threw (or the listener stopped under it).</summary>
    public long Requeued => Interlocked.Read(ref _requeued);

    /// <summary>Messages refused for good, left to the broker's dead-lettering.</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>Messages copied to the listener's dead-letter queue (handler failures, and unreadable ones when asked).</summary>
    public long DeadLettered => Interlocked.Read(ref _deadLettered);

    /// <summary>The unreadable messages of one <paramref name="reason"/>.</summary>
    public long UnreadableBy(UnreadableReason reason) => Interlocked.Read(ref _unreadable[(int)reason]);

    internal void AddReceived() => Interlocked.Increment(ref _received);

    internal void AddHandled() => Interlocked.Increment(ref _handled);

    internal void AddHandledByFallback() => Interlocked.Increment(ref _handledByFallback);

    internal void AddSkipped() => Interlocked.Increment(ref _skipped);

    internal void AddDiscarded() => Interlocked.Increment(ref _discarded);

    internal void AddUnreadable(UnreadableReason reason) => Interlocked.Increment(ref _unreadable[(int)reason]);

    internal void AddRequeued() => Interlocked.Increment(ref _requeued);

    internal void AddRejected() => Interlocked.Increment(ref _rejected);

    internal void AddDeadLettered() => Interlocked.Increment(ref _deadLettered);

    /// <inheritdoc/>
    public override string ToString()
    {
        var unreadable = string.Join(", ", Enum.GetValues<UnreadableReason>().Where(r => UnreadableBy(r) > 0).Select(r => $"{r} {UnreadableBy(r)}"));
        return $"received {Received}, handled {Handled}, handled by fallback {HandledByFallback}, skipped {Skipped}, discarded {Discarded}, unreadable {Unreadable}"
            + (unreadable.Length == 0 ? string.Empty : $" ({unreadable})")
            + $", requeued {Requeued}, rejected {Rejected}, dead-lettered {DeadLettered}";
    }
}
