using System.Threading;

namespace VersionedNotifications;

/// <summary>
/// What a broker driver (RabbitMQ's, AMQP 1.0's) did since it was made, in one vocabulary for every transport;
/// also published on the <c>VersionedNotifications</c> meter (see <see cref="TransportMetrics"/>). A message
/// handed over is outstanding until it is confirmed (RabbitMQ's publisher confirm, AMQP 1.0's accepted) or dropped.
/// </summary>
public sealed class NotificationDriverStatistics
{
    private long _published;
    private long _confirmed;
    private long _republished;
    private long _dropped;
    private long _outstanding;

    /// <summary>Attempts to publish (a message published again counts again).</summary>
    public long Published => Interlocked.Read(ref _published);

    /// <summary>Messages the broker confirmed; each is on its queue (on disk, for durable queues).</summary>
    public long Confirmed => Interlocked.Read(ref _confirmed);

    /// <summary>Messages published again because the broker did not confirm them (nack, rejected, released, connection lost).</summary>
    public long Republished => Interlocked.Read(ref _republished);

    /// <summary>Messages given up: the retry policy ran out, the broker refused the driver for good, or they were unconfirmed at shutdown.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Messages handed to the driver and not yet confirmed or dropped.</summary>
    public long Outstanding => Interlocked.Read(ref _outstanding);

    internal void AddPublished() => Interlocked.Increment(ref _published);

    internal void AddConfirmed() => Interlocked.Increment(ref _confirmed);

    internal void AddRepublished() => Interlocked.Increment(ref _republished);

    internal void AddDropped() => Interlocked.Increment(ref _dropped);

    internal void AddOutstanding() => Interlocked.Increment(ref _outstanding);

    internal long RemoveOutstanding() => Interlocked.Decrement(ref _outstanding);

    /// <inheritdoc/>
    public override string ToString() => $"published {Published}, confirmed {Confirmed}, republished {Republished}, dropped {Dropped}, outstanding {Outstanding}";
}
