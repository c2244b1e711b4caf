using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.CodeAnalysis;

namespace VersionedNotifications.Benchmarks;

/// <summary>
/// The quick side-by-side modes: one JSON line each, in the shape the Python side prints, so that
/// scripts can compare the two stacks in one run.
/// </summary>
internal static class QuickModes
{
    /// <summary><c>throughput [--seconds S]</c>: operations per second of each way to write and read the sample message.</summary>
    public static int Throughput(double seconds)
    {
        var sample = new SampleMessage();
        var buffer = new ArrayBufferWriter<byte>(8192);
        var handWritten = new HandWrittenWriter();

        var serialize = Rate(seconds, () =>
        {
            buffer.ResetWrittenCount();
            NotificationWriter.Write(buffer, sample.Notification);
        });
        var handwrittenRate = Rate(seconds, () =>
        {
            buffer.ResetWrittenCount();
            handWritten.Write(buffer, sample.Notification);
        });
        var reflection = Rate(seconds, () =>
        {
            buffer.ResetWrittenCount();
            SampleMessage.WriteReflection(buffer, sample.Plain);
        });
        var payloadWriter = new Utf8JsonWriter(buffer);
        var payloadOnly = Rate(seconds, () =>
        {
            buffer.ResetWrittenCount();
            payloadWriter.Reset(buffer);
            NotificationWriter.WritePayload(payloadWriter, sample.Notification);
            payloadWriter.Flush();
        });
        var deserialize = Rate(seconds, () => sample.Reader.Read(sample.Body));
        var withoutDicts = NotificationWriter.Write(ScaledSample.Make(0));
        var deserializeWithoutDicts = Rate(seconds, () => sample.Reader.Read(withoutDicts));
        var inner = new byte[sample.Body.Length];
        var tokenizeFloor = Rate(seconds, () => TokenizeV2(sample.Body, inner));
        var innerMessage = InnerMessage(sample.Body);
        var innerTokenizeFloor = Rate(seconds, () => Tokenize(innerMessage));
        var reflectionDeserialize = Rate(seconds, () => SampleMessage.ReadReflection(sample.Body));

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $$"""{"bytes": {{sample.Body.Length}}, "serialize_ops_s": {{serialize.Rate:0}}, "deserialize_ops_s": {{deserialize.Rate:0}}, "handwritten_serialize_ops_s": {{handwrittenRate.Rate:0}}, "reflection_serialize_ops_s": {{reflection.Rate:0}}, "reflection_deserialize_ops_s": {{reflectionDeserialize.Rate:0}}, "serialize_bytes_allocated_per_op": {{serialize.AllocatedPerOp:0}}, "deserialize_bytes_allocated_per_op": {{deserialize.AllocatedPerOp:0}}, "payload_compact_serialize_ops_s": {{payloadOnly.Rate:0}}, "payload_compact_serialize_bytes_allocated_per_op": {{payloadOnly.AllocatedPerOp:0}}, "tokenize_floor_ops_s": {{tokenizeFloor.Rate:0}}, "deserialize_empty_flexible_dicts_ops_s": {{deserializeWithoutDicts.Rate:0}}, "deserialize_empty_flexible_dicts_bytes_allocated_per_op": {{deserializeWithoutDicts.AllocatedPerOp:0}}, "tokenize_inner_floor_ops_s": {{innerTokenizeFloor.Rate:0}}}"""));
        return 0;
    }

    /// <summary>
    /// The least any JSON decode of a v2 body does on .NET, and what the typed decode is measured against to see
    /// what bounds it: every token of the body read by <see cref="Utf8JsonReader"/>, the inner message unescaped
    /// into a buffer kept between calls, and every token of that read; no value is made.
    /// </summary>
    private static void TokenizeV2(byte[] body, byte[] inner)
    {
        var outer = new Utf8JsonReader(body);
        var length = 0;
        while (outer.Read())
        {
            if (outer.TokenType == JsonTokenType.String && outer.ValueIsEscaped)
            {
                length = outer.CopyString(inner);
            }
        }

        var envelope = new Utf8JsonReader(inner.AsSpan(0, length));
        while (envelope.Read())
        {
        }
    }

    /// <summary>The inner message of a v2 body, unescaped.</summary>
    private static byte[] InnerMessage(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        return System.Text.Encoding.UTF8.GetBytes(document.RootElement.GetProperty("oslo.message").GetString()!);
    }

    /// <summary>
    /// The least a decode does once the inner message is unwrapped (which the reader does in one pass of its own, not
    /// with <see cref="Utf8JsonReader"/>): every token of the inner message read, no value made.
    /// </summary>
    private static void Tokenize(byte[] json)
    {
        var reader = new Utf8JsonReader(json);
        while (reader.Read())
        {
        }
    }

    /// <summary><c>generator</c>: a cold run over the OpenStack definitions and a rerun after an unrelated edit, in milliseconds.</summary>
    public static int Generator()
    {
        var definitions = GeneratorRuns.LoadDefinitions();
        var compilation = GeneratorRuns.Compilation("public static class Program { public static int Value => 1; }");

        // The first run in a process also loads and JIT-compiles Roslyn and the generator; report it, then measure.
        var first = Stopwatch.StartNew();
        GeneratorRuns.CreateDriver(definitions).RunGenerators(compilation);
        var firstMs = first.Elapsed.TotalMilliseconds;

        var colds = new List<double>();
        GeneratorDriver driver = null!;
        for (var i = 0; i < 10; i++)
        {
            var watch = Stopwatch.StartNew();
            driver = GeneratorRuns.CreateDriver(definitions).RunGenerators(compilation);
            colds.Add(watch.Elapsed.TotalMilliseconds);
        }

        var reruns = new List<double>();
        var allCached = true;
        for (var i = 1; i <= 50; i++)
        {
            compilation = GeneratorRuns.Edit(compilation, i);
            var watch = Stopwatch.StartNew();
            driver = driver.RunGenerators(compilation);
            reruns.Add(watch.Elapsed.TotalMilliseconds);
            allCached &= driver.GetRunResult().Results.Single().TrackedSteps
                .Where(step => step.Key != "ContextNaming")
                .SelectMany(step => step.Value)
                .SelectMany(run => run.Outputs)
                .All(output => output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $$"""{"cold_ms": {{Median(colds):0.0}}, "cached_rerun_ms": {{Median(reruns):0.00}}, "first_run_in_process_ms": {{firstMs:0}}, "rerun_all_steps_cached": {{(allCached ? "true" : "false")}}}"""));
        return 0;
    }

    private static (double Rate, double AllocatedPerOp) Rate(double seconds, Action operation)
    {
        // Warm up (tiered JIT) for a fifth of the time, then count.
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed.TotalSeconds < seconds / 5)
        {
            operation();
        }

        long count = 0;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed.TotalSeconds < seconds)
        {
            for (var i = 0; i < 64; i++)
            {
                operation();
            }

            count += 64;
        }

        var elapsed = watch.Elapsed.TotalSeconds;
        return (count / elapsed, (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)count);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
