using System;
using System.Globalization;

namespace VersionedNotifications.Wire;

/// <summary>
/// The memory one read may take, measured rather than estimated: the bytes the reading thread has
/// allocated since the read began (<see cref="GC.GetAllocatedBytesForCurrentThread"/>, which is exact and
/// cheap). The readers of repeated values (list elements, dictionary entries, free-form values) check it, so
/// a message of millions of tiny values stops at the limit instead of taking a multiple of its size that only
/// its shape decides.
/// </summary>
/// <remarks>
/// The budget lives in thread-static fields because the generated converters call static helpers that get
/// only the JSON reader; a read is synchronous, so the thread that begins it is the one that reads.
/// </remarks>
internal static class ReadMemoryBudget
{
    [ThreadStatic]
    private static long t_start;

    [ThreadStatic]
    private static long t_limit;

    [ThreadStatic]
    private static bool t_active;

    /// <summary>Starts measuring a read that may allocate <paramref name="limit"/> bytes; dispose to stop.</summary>
    public static Scope Begin(long limit)
    {
        var outer = new Scope(t_active, t_start, t_limit);
        t_active = true;
        t_start = GC.GetAllocatedBytesForCurrentThread();
        t_limit = limit;
        return outer;
    }

    /// <summary>The limit for a message of <paramref name="messageBytes"/> under <paramref name="options"/>.</summary>
    public static long LimitFor(NotificationReaderOptions options, int messageBytes) =>
        options.MemoryAllowanceBytes + (long)options.MaxMemoryPerMessageByte * messageBytes;

    /// <summary>Throws <see cref="WireFormatException"/> when the read under way has allocated more than its limit.</summary>
    public static void Check()
    {
        if (t_active && GC.GetAllocatedBytesForCurrentThread() - t_start > t_limit)
        {
            throw new WireFormatException(string.Create(CultureInfo.InvariantCulture, $"reading the message takes more than its memory limit of {t_limit} bytes; its values are too many for its size"));
        }
    }

    /// <summary>Restores the budget of an enclosing read, if any, when disposed.</summary>
    public readonly struct Scope : IDisposable
    {
        private readonly bool _active;
        private readonly long _start;
        private readonly long _limit;

        internal Scope(bool active, long start, long limit)
        {
            _active = active;
            _start = start;
            _limit = limit;
        }

        /// <inheritdoc/>
        public void Dispose()
        {
            t_active = _active;
            t_start = _start;
            t_limit = _limit;
        }
    }
}
