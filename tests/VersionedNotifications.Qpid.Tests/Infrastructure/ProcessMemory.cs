namespace VersionedNotifications.Qpid.Tests.Infrastructure;

/// <summary>
/// The memory of the test process: the managed heap after full collections (where AMQPNetLite, the driver
/// and the listener keep everything they hold), and, for the record, the resident set size.
/// </summary>
internal static class ProcessMemory
{
    /// <summary>Bytes live on the managed heap once everything unreachable is collected and finalized.</summary>
    public static long LiveManagedBytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    public static long ResidentBytes()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new InvalidOperationException("/proc/self/status has no VmRSS");
    }
}
