using System.Diagnostics;
using System.Globalization;
using System.Text;
using Xunit.Abstractions;

namespace VersionedNotifications.Generator.Tests.Fuzz;

/// <summary>
/// The generator must never crash, whatever a definitions file holds. Inputs are made deterministically
/// (fixed seeds, <see cref="Random"/>) from the fixtures and a few seeds: truncations, flipped
/// characters, deleted, duplicated and swapped lines, changed indentation, inserted YAML syntax,
/// odd unicode (lone surrogates, NULs, line separators), replaced keys and values, splices of two
/// files, and pure garbage.
/// </summary>
/// <remarks>
/// <para>
/// 2,000 inputs run by default, within the time of the suite. Set the environment variable
/// <c>VN_FUZZ_COUNT</c> to run more (or fewer), for example <c>VN_FUZZ_COUNT=50000 dotnet test
/// --filter GeneratorFuzzTests</c>. Input <c>n</c> is the same on every machine and every run.
/// </para>
/// <para>
/// A failure names each kind of problem once, with the input that shows it: its number, how it was
/// made, the text (escaped), and a copy written to <c>$TMPDIR/vn-fuzz/</c> to open or to feed back.
/// </para>
/// </remarks>
public sealed class GeneratorFuzzTests(ITestOutputHelper output)
{
    public const string CountVariable = "VN_FUZZ_COUNT";

    private const int DefaultCount = 2_000;

    /// <summary>Files per generator run: a few at a time keeps the suite fast, one bad input is then narrowed down alone.</summary>
    private const int FilesPerRun = 4;

    [Fact]
    public void Generator_never_crashes_on_mutated_definitions()
    {
        var count = Environment.GetEnvironmentVariable(CountVariable) is { Length: > 0 } value ? int.Parse(value, CultureInfo.InvariantCulture) : DefaultCount;
        var stopwatch = Stopwatch.StartNew();
        var seeds = FuzzSeeds.All;
        var inputs = Enumerable.Range(0, count).Select(i => FuzzInputs.Create(i, seeds)).ToList();

        var runner = new FuzzRunner();
        var problems = new List<FuzzProblem>();
        var clean = new List<FuzzInput>();
        foreach (var batch in inputs.Chunk(FilesPerRun))
        {
            var result = runner.Check(batch);
            problems.AddRange(result.Problems);

            // Inputs with no diagnostic of their own are compiled together, since a run is compiled
            // only when the generator reports no error at all.
            clean.AddRange(batch.Length > 1 && result.Clean.Count < batch.Length ? result.Clean : []);
            if (clean.Count >= FilesPerRun)
            {
                problems.AddRange(runner.Check(clean.ToList()).Problems);
                clean.Clear();
            }
        }

        if (clean.Count > 0)
        {
            problems.AddRange(runner.Check(clean).Problems);
        }

        output.WriteLine($"{count} inputs, {runner.Runs} generator runs, {runner.CompiledRuns} runs ({runner.CompiledInputs} inputs) compiled, {stopwatch.Elapsed.TotalSeconds:0.0} s");
        if (problems.Count > 0)
        {
            Assert.Fail(Report(problems));
        }
    }

    [Fact]
    public void Seeds_generate_without_diagnostics_and_compile()
    {
        var runner = new FuzzRunner();
        var seeds = FuzzSeeds.All.Select((s, i) => new FuzzInput(i, $"/seeds/{i}.yaml", s.Text, s.Name)).ToList();

        var (problems, clean) = runner.Check(seeds);

        Assert.True(problems.Count == 0, Report(problems));
        Assert.Equal(seeds.Select(s => s.Recipe), clean.Select(c => c.Recipe));
        Assert.Equal(1, runner.CompiledRuns);
    }

    [Fact]
    public void Inputs_are_the_same_on_every_run()
    {
        var first = Enumerable.Range(0, 50).Select(i => FuzzInputs.Create(i, FuzzSeeds.All)).ToList();
        var second = Enumerable.Range(0, 50).Select(i => FuzzInputs.Create(i, FuzzSeeds.All)).ToList();

        Assert.Equal(first, second);
        Assert.True(first.Select(i => i.Text).Distinct().Count() > 45);
    }

    /// <summary>One section per kind of problem, with the smallest input that shows it.</summary>
    private static string Report(List<FuzzProblem> problems)
    {
        var directory = Path.Combine(Path.GetTempPath(), "vn-fuzz");
        Directory.CreateDirectory(directory);
        var report = new StringBuilder($"{problems.Count} problem(s) of {problems.Select(p => p.Signature).Distinct().Count()} kind(s):\n");
        foreach (var group in problems.GroupBy(p => p.Signature))
        {
            var example = group.OrderBy(p => p.Inputs.Count).ThenBy(p => p.Inputs.Sum(i => i.Text.Length)).First();
            report.Append(CultureInfo.InvariantCulture, $"\n=== {group.Key} ({group.Count()} time(s); inputs {string.Join(", ", group.SelectMany(p => p.Inputs).Select(i => i.Index).Distinct().Take(12))})\n");
            var detail = example.Detail.Length > 3000 ? example.Detail.Substring(0, 3000) + "…" : example.Detail;
            report.Append(string.Join("\n", detail.Split('\n').Select(line => Escape(line, quoted: false)))).Append('\n');
            foreach (var input in example.Inputs)
            {
                var file = Path.Combine(directory, $"input-{input.Index:D5}.yaml");
                var encoding = Write(file, input.Text);
                report.Append(CultureInfo.InvariantCulture, $"--- input {input.Index} ({input.Recipe}), path {input.Path}, written to {file} ({encoding}):\n{Escape(input.Text)}\n");
            }
        }

        File.WriteAllText(Path.Combine(directory, "report.txt"), report.ToString());
        return report.Append(CultureInfo.InvariantCulture, $"\n(This report is also in {Path.Combine(directory, "report.txt")}.)").ToString();
    }

    /// <summary>Writes the text as UTF-8, or as UTF-16 when it holds lone surrogates that UTF-8 cannot carry.</summary>
    private static string Write(string path, string text)
    {
        try
        {
            File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true));
            return "UTF-8";
        }
        catch (EncoderFallbackException)
        {
            File.WriteAllText(path, text, Encoding.Unicode);
            return "UTF-16 with BOM: it holds lone surrogates";
        }
    }

    /// <summary>The text on one line, every character that does not print as itself written as an escape.</summary>
    private static string Escape(string text, bool quoted = true)
    {
        var builder = new StringBuilder(quoted ? "\"" : string.Empty);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\\' when quoted => "\\\\",
                '"' when quoted => "\\\"",
                _ when c < ' ' || c > '~' => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        }

        return (quoted ? builder.Append('"') : builder).ToString();
    }
}
