using System.Threading;

namespace VersionedNotifications.Qpid;

/// <summary>What a <see cref="QpidNotificationDriver"/> did since it was made; also published on the <c>VersionedNotifications</c> meter.</summary>
public sealed class QpidDriverStatistics
{
    private long _sent;
    private long _accepted;
    private long _resent;
    private long _dropped;
    private long _outstanding;

    /// <summary>Send attempts made (a message sent again counts again).</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>Messages the peer settled as accepted: on a broker, each is on its queue.</summary>
    public long Accepted => Interlocked.Read(ref _accepted);

    /// <summary>Messages sent again because the peer did not accept them (rejected, released, modified, connection lost).</summary>
    public long Resent => Interlocked.Read(ref _resent);

    /// <summary>Messages given up after the retry policy ran out, or left unaccepted at shutdown.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Messages handed to the driver and not yet accepted or dropped.</summary>
    public long Outstanding => Interlocked.Read(ref _outstanding);

    internal void AddSent() => Interlocked.Increment(ref _sent);

    internal void AddAccepted() => Interlocked.Increment(ref _accepted);

    internal void AddResent() => Interlocked.Increment(ref _resent);

    internal void AddDropped() => Interlocked.Increment(ref _dropped);

    internal void AddOutstanding() => Interlocked.Increment(ref _outstanding);

    internal long RemoveOutstanding() => Interlocked.Decrement(ref _outstanding);

    /// <inheritdoc/>
    public override string ToString() => $"sent {Sent}, accepted {Accepted}, resent {Resent}, dropped {Dropped}, outstanding {Outstanding}";
}
