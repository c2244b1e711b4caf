using System.Runtime.InteropServices;

namespace VersionedNotifications.Qpid.Tests.Infrastructure;

/// <summary>
/// The process's native heap as glibc's malloc counts it (<c>mallinfo2</c>: bytes handed out and not freed,
/// small blocks plus mmapped ones), which is where Qpid Proton allocates every object; the managed heap is
/// not in it. Also the resident set size, which includes everything.
/// </summary>
internal static partial class NativeMemory
{
    /// <summary>Bytes malloc has handed out and not had back.</summary>
    public static long MallocInUse()
    {
        var info = mallinfo2();
        return (long)(info.uordblks + info.hblkhd);
    }

    public static long ResidentBytes()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0]) * 1024;
            }
        }

        throw new InvalidOperationException("/proc/self/status has no VmRSS");
    }

    /// <summary>
    /// Brings the native heap to rest before a measurement: collects the managed heap, so that memory native code
    /// holds for finalizable objects is freed, and lets the JIT give back its cache. The JIT keeps the memory of
    /// finished compilations (up to 16 MB, <c>JitHostMaxSlabCache</c>) for the next ones, and the finalizer thread
    /// frees it at most every 2 seconds, one generation at a time (<c>JitHost::reclaim</c>): without two such
    /// flushes, what tiered compilation did during a run (several MB) shows as growth, or, cached at the first
    /// measurement and freed before the second, hides as much.
    /// </summary>
    public static void Settle()
    {
        for (var i = 0; i < 3; i++)
        {
            if (i > 0)
            {
                Thread.Sleep(TimeSpan.FromMilliseconds(2_100));
            }

            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
    }

    [LibraryImport("libc.so.6")]
    private static partial MallInfo2 mallinfo2();

    [StructLayout(LayoutKind.Sequential)]
    private readonly struct MallInfo2
    {
        public readonly nuint arena;
        public readonly nuint ordblks;
        public readonly nuint smblks;
        public readonly nuint hblks;
        public readonly nuint hblkhd;
        public readonly nuint usmblks;
        public readonly nuint fsmblks;
        public readonly nuint uordblks;
        public readonly nuint fordblks;
        public readonly nuint keepcost;
    }
}
