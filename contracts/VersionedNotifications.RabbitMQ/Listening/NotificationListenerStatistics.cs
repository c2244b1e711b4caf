using System.Threading;

namespace VersionedNotifications.RabbitMQ;

/// <summary>What a <see cref="NotificationListener"/> did since it was made; also published on the <c>VersionedNotifications</c> meter.</summary>
public sealed class NotificationListenerStatistics
{
    private long _received;
    private long _handled;
    private long _skipped;
    private long _requeued;
    private long _deadLettered;

    /// <summary>Messages delivered to the listener (a redelivery counts again).</summary>
    public long Received => Interlocked.Read(ref _received);

    /// <summary>Messages a typed handler took, acknowledged.</summary>
    public long Handled => Interlocked.Read(ref _handled);

    /// <summary>Messages acknowledged without a typed handler: filtered out, or only the fallback (if any) ran.</summary>
    public long Skipped => Interlocked.Read(ref _skipped);

    /// <summary>Messages returned to their queue after a handler threw.</summary>
    public long Requeued => Interlocked.Read(ref _requeued);

    /// <summary>Messages sent to the dead-letter queue, or rejected, after a handler threw.</summary>
    public long DeadLettered => Interlocked.Read(ref _deadLettered);

    internal void AddReceived() => Interlocked.Increment(ref _received);

    internal void AddHandled() => Interlocked.Increment(ref _handled);

    internal void AddSkipped() => Interlocked.Increment(ref _skipped);

    internal void AddRequeued() => Interlocked.Increment(ref _requeued);

    internal void AddDeadLettered() => Interlocked.Increment(ref _deadLettered);

    /// <inheritdoc/>
    public override string ToString() => $"received {Received}, handled {Handled}, skipped {Skipped}, requeued {Requeued}, dead-lettered {DeadLettered}";
}
