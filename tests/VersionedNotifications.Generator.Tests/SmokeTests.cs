using VersionedNotifications.Generator.Tests.Infrastructure;

namespace VersionedNotifications.Generator.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void FixturesGenerateAndCompile()
    {
        var run = GeneratorHarness.Run(GeneratorHarness.Fixtures(), sources: null);
        foreach (var d in run.Diagnostics) Console.WriteLine(d);
        foreach (var d in run.CompilationProblems) Console.WriteLine(d);
        foreach (var s in run.Sources) { Console.WriteLine("=== " + s.HintName); Console.WriteLine(s.SourceText); }
        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompilationProblems);
    }
}
