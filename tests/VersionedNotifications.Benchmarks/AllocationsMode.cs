using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;
using System.Text;

namespace VersionedNotifications.Benchmarks;

/// <summary>
/// <c>allocations [--count N]</c>: what a typed decode of the sample allocates, by type. The runtime samples
/// allocations (an event about every 100 KB allocated on a thread, naming the type of the object that crossed the
/// mark); over N decodes (default 2,000,000) each type's share of the samples, times the bytes a decode allocates,
/// estimates its bytes per decode. One JSON line: the bytes per decode and the types, largest first.
/// </summary>
internal static class AllocationsMode
{
    public static int Run(int count)
    {
        var sample = new SampleMessage();
        for (var i = 0; i < 50_000; i++)
        {
            GC.KeepAlive(sample.Reader.Read(sample.Body));
        }

        var samples = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        long allocated;
        using (var listener = new AllocationSampler(samples))
        {
            // Sessions start asynchronously: give the runtime a moment to send events before the measured loop.
            Thread.Sleep(1000);
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < count; i++)
            {
                GC.KeepAlive(sample.Reader.Read(sample.Body));
            }

            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Thread.Sleep(2000);
        }

        var sampled = samples.Values.Sum();
        var perDecode = (double)allocated / count;
        var json = new StringBuilder();
        json.Append(CultureInfo.InvariantCulture, $$"""{"mode": "allocations", "count": {{count}}, "bytes_allocated_per_decode": {{perDecode:0}}, "samples_bytes": {{sampled}}, "types": [""");
        var first = true;
        foreach (var (type, bytes) in samples.OrderByDescending(pair => pair.Value))
        {
            json.Append(first ? string.Empty : ", ");
            json.Append(CultureInfo.InvariantCulture, $$"""{"type": "{{type.Replace("\"", "'", StringComparison.Ordinal)}}", "share": {{(double)bytes / sampled:0.000}}, "bytes_per_decode": {{perDecode * bytes / sampled:0}}}""");
            first = false;
        }

        Console.WriteLine(json.Append("]}").ToString());
        return 0;
    }

    /// <summary>Adds up the runtime's allocation samples (<c>GCAllocationTick</c>) by the type they name.</summary>
    private sealed class AllocationSampler(ConcurrentDictionary<string, long> samples) : EventListener
    {
        private const EventKeywords GcKeyword = (EventKeywords)0x1;

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || eventData.PayloadNames is null)
            {
                return;
            }

            var type = eventData.PayloadNames.IndexOf("TypeName") is var t and >= 0 ? eventData.Payload![t] as string ?? "?" : "?";
            var amount = eventData.PayloadNames.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(eventData.Payload![a], CultureInfo.InvariantCulture) : 0;
            samples.AddOrUpdate(type, amount, (_, sum) => sum + amount);
        }
    }
}
