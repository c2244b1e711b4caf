using System.Threading;

namespace VersionedNotifications;

/// <summary>
/// Counts of what a <see cref="Notifier"/> did since it was made. The same numbers are published on
/// the <c>VersionedNotifications</c> meter (see <see cref="NotifierMetrics"/>).
/// </summary>
public sealed class NotifierStatistics
{
    private long _emitted;
    private long _filtered;
    private long _failed;
    private long _retried;

    /// <summary>Notifications every driver accepted.</summary>
    public long Emitted => Interlocked.Read(ref _emitted);

    /// <summary>Notifications left out by the level or the disabled event types (their payload was not built).</summary>
    public long Filtered => Interlocked.Read(ref _filtered);

    /// <summary>Deliveries to a driver that failed for good (after the retries), and payloads that could not be built or written.</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Deliveries tried again after a driver failed.</summary>
    public long Retried => Interlocked.Read(ref _retried);

    internal void AddEmitted() => Interlocked.Increment(ref _emitted);

    internal void AddFiltered() => Interlocked.Increment(ref _filtered);

    internal void AddFailed() => Interlocked.Increment(ref _failed);

    internal void AddRetried() => Interlocked.Increment(ref _retried);

    /// <inheritdoc/>
    public override string ToString() => $"emitted {Emitted}, filtered {Filtered}, failed {Failed}, retried {Retried}";
}
