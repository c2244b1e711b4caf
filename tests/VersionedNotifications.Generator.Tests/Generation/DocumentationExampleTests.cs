using VersionedNotifications.Generator.Tests.Infrastructure;

namespace VersionedNotifications.Generator.Tests.Generation;

/// <summary>The complete example of docs/definitions.md stays true: it generates without a diagnostic and compiles.</summary>
public sealed class DocumentationExampleTests
{
    [Fact]
    public void Reference_example_generates_and_compiles()
    {
        var run = GeneratorHarness.Run(("/docs/example.yaml", Repository.DefinitionsReferenceExample()));

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompilationProblems);
        Assert.Contains(run.HintNames, name => name.EndsWith(".EventTypes.g.cs", StringComparison.Ordinal));
    }
}
