using System.Threading;

namespace VersionedNotifications.Qpid;

/// <summary>What a <see cref="QpidNotificationListener"/> did since it was made; also published on the <c>VersionedNotifications</c> meter.</summary>
public sealed class QpidNotificationListenerStatistics
{
    private long _received;
    private long _handled;
    private long _skipped;
    private long _released;
    private long _rejected;

    /// <summary>Messages delivered to the listener (a redelivery counts again).</summary>
    public long Received => Interlocked.Read(ref _received);

    /// <summary>Messages a typed handler took, accepted.</summary>
    public long Handled => Interlocked.Read(ref _handled);

    /// <summary>Messages accepted without a typed handler: filtered out, or only the fallback (if any) ran.</summary>
    public long Skipped => Interlocked.Read(ref _skipped);

    /// <summary>Messages released to the peer after a handler threw (or when the listener stopped in the middle).</summary>
    public long Released => Interlocked.Read(ref _released);

    /// <summary>Messages rejected after a handler threw.</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    internal void AddReceived() => Interlocked.Increment(ref _received);

    internal void AddHandled() => Interlocked.Increment(ref _handled);

    internal void AddSkipped() => Interlocked.Increment(ref _skipped);

    internal void AddReleased() => Interlocked.Increment(ref _released);

    internal void AddRejected() => Interlocked.Increment(ref _rejected);

    /// <inheritdoc/>
    public override string ToString() => $"received {Received}, handled {Handled}, skipped {Skipped}, released {Released}, rejected {Rejected}";
}
