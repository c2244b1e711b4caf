using System.Globalization;
using VersionedNotifications.Generator.Tests.Scale;

namespace VersionedNotifications.Generator.Tests.Fuzz;

/// <summary>
/// The hostile inputs of <see cref="HostileInputs"/> through the same checks as the mutation fuzz
/// (<see cref="FuzzRunner"/>: nothing escapes, no CS8785 or VN0999, every diagnostic in its file), and
/// more: an input that must be refused gets a VN error, one that must be accepted compiles.
/// </summary>
/// <remarks>
/// Chains of 300 contained objects and 1,000 objects by default; set <c>VN_FUZZ_LARGE=1</c> for chains
/// of 2,000 and the 10,000 objects compiled too (minutes, and a few GB of memory).
/// </remarks>
public sealed class HostileInputFuzzTests
{
    public const string LargeVariable = "VN_FUZZ_LARGE";

    private static readonly bool Large = Environment.GetEnvironmentVariable(LargeVariable) is "1" or "true";

    /// <summary>Long enough for any of these inputs on a loaded machine, short of a hang.</summary>
    private static readonly TimeSpan Generous = TimeSpan.FromMinutes(10);

    public static TheoryData<string> Names() => new(HostileInputs.All(ChainLength).Select(i => i.Name));

    private static int ChainLength => Large ? 2_000 : 300;

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Hostile_input_is_refused_with_a_VN_error_or_compiles(string name)
    {
        var input = HostileInputs.All(ChainLength).Single(i => i.Name == name);
        var runner = new FuzzRunner();
        var files = input.Files.Select((f, i) => new FuzzInput(i, f.Path, f.Text, name)).ToList();

        var (problems, clean) = await Task.Run(() => runner.Check(files)).WaitAsync(Generous);

        Assert.True(problems.Count == 0, string.Join("\n", problems.Select(p => p.Signature + ": " + p.Detail)));
        if (input.MustBeRefused)
        {
            Assert.True(clean.Count < files.Count, "no VN diagnostic for an input that must be refused");
            Assert.Equal(0, runner.CompiledRuns);
        }
        else
        {
            Assert.Equal(files.Count, clean.Count);
            Assert.Equal(1, runner.CompiledRuns);
        }
    }

    [Fact]
    public async Task Many_objects_generate_cleanly()
    {
        // 10,000 objects always go through the generator; their output is compiled only with VN_FUZZ_LARGE,
        // and 1,000 of them otherwise.
        var generated = new FuzzRunner(compileOutput: Large);
        var many = ToInputs(ScaleInputs.Objects(10_000));
        var (problems, clean) = await Task.Run(() => generated.Check(many)).WaitAsync(Generous);
        Assert.True(problems.Count == 0, string.Join("\n", problems.Select(p => p.Signature)));
        Assert.Equal(many.Count, clean.Count);

        if (!Large)
        {
            var compiled = new FuzzRunner();
            var some = ToInputs(ScaleInputs.Objects(1_000));
            (problems, clean) = await Task.Run(() => compiled.Check(some)).WaitAsync(Generous);
            Assert.True(problems.Count == 0, string.Join("\n", problems.Select(p => p.Signature + ": " + p.Detail.Split('\n')[0])));
            Assert.Equal(1, compiled.CompiledRuns);
        }
    }

    private static List<FuzzInput> ToInputs(IReadOnlyList<(string Path, string Text)> files) =>
        files.Select((f, i) => new FuzzInput(i, f.Path, f.Text, "objects " + i.ToString(CultureInfo.InvariantCulture))).ToList();
}
