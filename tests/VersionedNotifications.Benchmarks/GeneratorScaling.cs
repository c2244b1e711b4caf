using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using VersionedNotifications.Generator;
using VersionedNotifications.Generator.Tests.Scale;

namespace VersionedNotifications.Benchmarks;

/// <summary>
/// <c>generator-scaling [--steps]</c>: the generator alone on made-up definitions of growing size (many
/// objects; a long <c>extends</c> chain), one JSON line per size with the time and the generated output,
/// so that a part that grows faster than its input shows. The driver runs as the compiler runs it,
/// without step tracking; <c>--steps</c> runs each size once more with tracking and adds the slowest steps.
/// </summary>
internal static class GeneratorScaling
{
    private static readonly int[] ObjectCounts = [500, 1_000, 2_000, 4_000, 10_000];
    private static readonly int[] ChainLengths = [100, 200, 500];

    /// <summary>A run slower than this ends the series: the sizes after it would only take longer.</summary>
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(3);

    public static int Run(bool steps)
    {
        var compilation = GeneratorRuns.Compilation("public static class Program { public static int Value => 1; }");

        // Load and JIT-compile Roslyn and the generator before measuring.
        Measure("warm-up", 0, ScaleInputs.Objects(50), compilation, steps, print: false);
        foreach (var count in ObjectCounts)
        {
            if (Measure("objects", count, ScaleInputs.Objects(count), compilation, steps) > GiveUpAfter)
            {
                break;
            }
        }

        foreach (var length in ChainLengths)
        {
            if (Measure("extends_chain", length, [ScaleInputs.ExtendsChain(length)], compilation, steps) > GiveUpAfter)
            {
                break;
            }
        }

        return 0;
    }

    private static TimeSpan Measure(string shape, int size, IReadOnlyList<(string Path, string Text)> files, Compilation compilation, bool steps, bool print = true)
    {
        var texts = files.Select(f => (AdditionalText)new Text(f.Path, f.Text)).ToImmutableArray();

        // The fastest of three runs: on a shared machine the others' work only ever adds time.
        var (elapsed, cpu, result) = Enumerable.Range(0, print ? 3 : 1).Select(_ => RunOnce(texts, compilation)).MinBy(run => run.Elapsed);
        if (!print)
        {
            return elapsed;
        }

        var errors = result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        var outputBytes = result.GeneratedSources.Sum(s => (long)s.SourceText.Length);
        var inputBytes = files.Sum(f => (long)f.Text.Length);
        var slowest = steps ? SlowestSteps(texts, compilation) : string.Empty;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $$"""{"shape": "{{shape}}", "size": {{size}}, "seconds": {{elapsed.TotalSeconds:0.000}}, "cpu_seconds": {{cpu.TotalSeconds:0.000}}, "input_bytes": {{inputBytes}}, "output_chars": {{outputBytes}}, "files": {{result.GeneratedSources.Length}}, "errors": {{errors}}{{slowest}} }"""));
        return elapsed;
    }

    /// <summary>One cold run of the generator as the compiler runs it: wall time, processor time, and what it made.</summary>
    private static (TimeSpan Elapsed, TimeSpan Cpu, GeneratorRunResult Result) RunOnce(ImmutableArray<AdditionalText> texts, Compilation compilation)
    {
        GC.Collect();

        // Processor time beside wall time: on a shared machine the wall clock also counts the others' work.
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var driver = CSharpGeneratorDriver.Create([new NotificationGenerator().AsSourceGenerator()], additionalTexts: texts).RunGenerators(compilation);
        var elapsed = watch.Elapsed;
        process.Refresh();
        return (elapsed, process.TotalProcessorTime - cpuBefore, driver.GetRunResult().Results.Single());
    }

    /// <summary>The four slowest pipeline steps of a second, tracked run, as a JSON member.</summary>
    private static string SlowestSteps(ImmutableArray<AdditionalText> texts, Compilation compilation)
    {
        var result = GeneratorRuns.CreateDriver(texts).RunGenerators(compilation).GetRunResult().Results.Single();
        var slowest = result.TrackedSteps.Concat(result.TrackedOutputSteps)
            .Select(step => (step.Key, Ms: step.Value.Sum(run => run.ElapsedTime.TotalMilliseconds)))
            .OrderByDescending(step => step.Ms)
            .Take(4)
            .Select(step => string.Create(CultureInfo.InvariantCulture, $"\"{step.Key}\": {step.Ms:0}"));
        return ", \"slowest_steps_ms\": { " + string.Join(", ", slowest) + " }";
    }

    private sealed class Text(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
