using VersionedNotifications.Generator.Tests.Infrastructure;

namespace VersionedNotifications.Generator.Tests.Snapshots;

/// <summary>Every file generated from the fixture definitions, against its reviewed baseline.</summary>
public sealed class GeneratedSourceSnapshotTests
{
    private static readonly Lazy<GeneratorRun> FixtureRun = new(() => GeneratorHarness.Run(GeneratorHarness.Fixtures(), sources: null));

    public static TheoryData<string> HintNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in FixtureRun.Value.HintNames)
        {
            data.Add(name);
        }

        return data;
    }

    [Fact]
    public void Fixtures_generate_without_diagnostics_and_compile()
    {
        var run = FixtureRun.Value;
        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void Set_of_hint_names_matches_baseline()
    {
        SnapshotAssert.Matches(string.Join("\n", FixtureRun.Value.HintNames) + "\n", "Snapshots/Baselines", "HintNames", "txt");
    }

    [Theory]
    [MemberData(nameof(HintNames))]
    public void Generated_file_matches_baseline(string hintName)
    {
        var source = FixtureRun.Value.Source(hintName);
        SnapshotAssert.Matches(source, "Snapshots/Baselines", hintName.Replace(".g.cs", string.Empty), "cs");
    }

    [Fact]
    public void Output_is_the_same_on_every_run()
    {
        var again = GeneratorHarness.Run(GeneratorHarness.Fixtures().Reverse().ToArray(), sources: null);
        Assert.Equal(FixtureRun.Value.HintNames, again.HintNames);
        foreach (var name in again.HintNames)
        {
            Assert.Equal(FixtureRun.Value.Source(name), again.Source(name));
        }
    }
}
