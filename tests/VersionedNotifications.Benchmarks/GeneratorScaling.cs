using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using VersionedNotifications.Generator.Tests.Scale;

namespace VersionedNotifications.Benchmarks;

/// <summary>
/// <c>generator-scaling</c>: the generator alone on made-up definitions of growing size (many objects;
/// a long <c>extends</c> chain), one JSON line per size with the time, the generated output, and the
/// slowest pipeline steps, so that a part that grows faster than its input shows.
/// </summary>
internal static class GeneratorScaling
{
    private static readonly int[] ObjectCounts = [500, 1_000, 2_000, 4_000, 10_000];
    private static readonly int[] ChainLengths = [100, 200, 500];

    /// <summary>A run slower than this ends the series: the sizes after it would only take longer.</summary>
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(3);

    public static int Run()
    {
        var compilation = GeneratorRuns.Compilation("public static class Program { public static int Value => 1; }");

        // Load and JIT-compile Roslyn and the generator before measuring.
        Measure("warm-up", 0, ScaleInputs.Objects(50), compilation, print: false);
        foreach (var count in ObjectCounts)
        {
            if (Measure("objects", count, ScaleInputs.Objects(count), compilation) > GiveUpAfter)
            {
                break;
            }
        }

        foreach (var length in ChainLengths)
        {
            if (Measure("extends_chain", length, [ScaleInputs.ExtendsChain(length)], compilation) > GiveUpAfter)
            {
                break;
            }
        }

        return 0;
    }

    private static TimeSpan Measure(string shape, int size, IReadOnlyList<(string Path, string Text)> files, Compilation compilation, bool print = true)
    {
        var texts = files.Select(f => (AdditionalText)new Text(f.Path, f.Text)).ToImmutableArray();
        GC.Collect();
        var watch = Stopwatch.StartNew();
        var driver = GeneratorRuns.CreateDriver(texts).RunGenerators(compilation);
        var elapsed = watch.Elapsed;
        var result = driver.GetRunResult().Results.Single();
        if (print && !result.Diagnostics.IsEmpty)
        {
            Console.Error.WriteLine($"{shape} {size}: {result.Diagnostics.Length} diagnostic(s), the first: {result.Diagnostics[0]}");
        }

        if (print)
        {
            var outputBytes = result.GeneratedSources.Sum(s => (long)s.SourceText.Length);
            var inputBytes = files.Sum(f => (long)f.Text.Length);
            var slowest = result.TrackedSteps.Concat(result.TrackedOutputSteps)
                .Select(step => (step.Key, Ms: step.Value.Sum(run => run.ElapsedTime.TotalMilliseconds)))
                .OrderByDescending(step => step.Ms)
                .Take(4)
                .Select(step => string.Create(CultureInfo.InvariantCulture, $"\"{step.Key}\": {step.Ms:0}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $$"""{"shape": "{{shape}}", "size": {{size}}, "seconds": {{elapsed.TotalSeconds:0.000}}, "input_bytes": {{inputBytes}}, "output_bytes": {{outputBytes}}, "files": {{result.GeneratedSources.Length}}, "diagnostics": {{result.Diagnostics.Length}}, "slowest_steps_ms": { {{string.Join(", ", slowest)}} } }"""));
        }

        return elapsed;
    }

    private sealed class Text(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
