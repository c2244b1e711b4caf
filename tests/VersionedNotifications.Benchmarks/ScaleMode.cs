using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using VersionedNotifications.OpenStack;
using VersionedNotifications.OpenStack.Ironic;

namespace VersionedNotifications.Benchmarks;

/// <summary>
/// <c>scale [--seconds S]</c>: how serialize and decode grow with the size of the message (v2 bodies of about
/// 1 KB, 10 KB, 100 KB and 1 MB, see <see cref="ScaledSample"/>) and with the number of threads doing it at once
/// (1, 2 and 4, on the sample message). One JSON line per measurement; <c>plot_scale.py</c> draws them.
/// </summary>
internal static class ScaleMode
{
    private static readonly int[] BodySizes = [1024, 10 * 1024, 100 * 1024, 1024 * 1024];
    private static readonly int[] ThreadCounts = [1, 2, 4];

    public static int Run(double seconds)
    {
        foreach (var size in BodySizes)
        {
            Print("size", size, 1, ScaledSample.Make(size), seconds);
        }

        var sample = new SampleMessage().Notification;
        foreach (var threads in ThreadCounts)
        {
            Print("threads", 0, threads, sample, seconds);
        }

        return 0;
    }

    private static void Print(string kind, int target, int threads, Notification<NodeSetPowerStatePayload> notification, double seconds)
    {
        var body = NotificationWriter.Write(notification);
        var serialize = Measure(threads, seconds, () =>
        {
            var buffer = new ArrayBufferWriter<byte>(body.Length + 1024);
            return () =>
            {
                buffer.ResetWrittenCount();
                NotificationWriter.Write(buffer, notification);
            };
        });
        var decode = Measure(threads, seconds, () =>
        {
            var reader = new NotificationReader(OpenStackJsonContext.Default);
            return () =>
            {
                if (reader.Read(body) is not DecodedNotification)
                {
                    throw new InvalidOperationException("the scaled sample did not decode");
                }
            };
        });
        const double MB = 1024 * 1024;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $$"""{"mode": "scale", "kind": "{{kind}}", "target_bytes": {{target}}, "body_bytes": {{body.Length}}, "threads": {{threads}}, "serialize_msgs_s": {{serialize.Rate:0}}, "serialize_mb_s": {{serialize.Rate * body.Length / MB:0.0}}, "decode_msgs_s": {{decode.Rate:0}}, "decode_mb_s": {{decode.Rate * body.Length / MB:0.0}}, "serialize_bytes_allocated_per_op": {{serialize.AllocatedPerOp:0}}, "decode_bytes_allocated_per_op": {{decode.AllocatedPerOp:0}}}"""));
    }

    // Each thread makes its own operation (its own buffer or reader), warms it up for a fifth of the time and then
    // counts; the rate is all threads' count over the measured time.
    private static (double Rate, double AllocatedPerOp) Measure(int threads, double seconds, Func<Action> makeOperation)
    {
        var counts = new long[threads];
        using var start = new Barrier(threads + 1);
        using var end = new Barrier(threads + 1);
        var stop = 0;
        var workers = Enumerable.Range(0, threads).Select(index => new Thread(() =>
        {
            var operation = makeOperation();
            var warmUp = Stopwatch.StartNew();
            while (warmUp.Elapsed.TotalSeconds < seconds / 5)
            {
                operation();
            }

            start.SignalAndWait();
            long count = 0;
            while (Volatile.Read(ref stop) == 0)
            {
                operation();
                count++;
            }

            counts[index] = count;
            end.SignalAndWait();
        })).ToList();
        workers.ForEach(worker => worker.Start());
        start.SignalAndWait();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        Thread.Sleep(TimeSpan.FromSeconds(seconds));
        Volatile.Write(ref stop, 1);
        end.SignalAndWait();
        var elapsed = watch.Elapsed.TotalSeconds;
        var total = counts.Sum();
        var bytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        workers.ForEach(worker => worker.Join());
        return (total / elapsed, bytes / (double)Math.Max(total, 1));
    }
}
