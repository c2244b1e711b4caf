using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using VersionedNotifications.Generator.Tests.Infrastructure;

namespace VersionedNotifications.Generator.Tests.Diagnostics;

/// <summary>
/// What the project around the definitions must offer (VN0100, VN0101): reported once, at the start
/// of the first definitions file in ordinal path order, and nothing is generated that could not compile.
/// </summary>
public sealed class EnvironmentDiagnosticsTests
{
    private static readonly Definition First = Definition.Of("/defs/a.yaml", """
        namespace: demo
        csharp_namespace: Demo
        objects:
          Node:
            version: "1.0"
        """);

    [Fact]
    public void Missing_runtime_reference_is_reported_once_at_the_first_file()
    {
        var run = GeneratorHarness.Run([Samples.Valid("/defs/z.yaml"), First], sources: null, referenceRuntime: false);

        var diagnostic = DiagnosticAssert.Reported(run, "VN0100", First, 1, 1, "does not reference the VersionedNotifications package that generated code needs; add a PackageReference to VersionedNotifications");
        Assert.Equal("VersionedNotifications.Usage", diagnostic.Descriptor.Category);
        DiagnosticAssert.OnlyReported(run, "VN0100");
        Assert.Empty(run.HintNames);
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void Language_version_below_CSharp_11_is_reported_once_at_the_first_file()
    {
        var run = GeneratorHarness.Run([First, Samples.Valid("/defs/z.yaml")], sources: null, version: LanguageVersion.CSharp10);

        var diagnostic = DiagnosticAssert.Reported(run, "VN0101", First, 1, 1, "Generated notification types need C# 11 or later (required members); this project compiles with C# 10.0.");
        Assert.Equal("VersionedNotifications.Usage", diagnostic.Descriptor.Category);
        DiagnosticAssert.OnlyReported(run, "VN0101");
        Assert.Empty(run.HintNames);
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void Both_environment_problems_are_reported()
    {
        var run = GeneratorHarness.Run([First], sources: null, referenceRuntime: false, version: LanguageVersion.CSharp9);

        DiagnosticAssert.Reported(run, "VN0100", First, 1, 1, "VersionedNotifications");
        DiagnosticAssert.Reported(run, "VN0101", First, 1, 1, "this project compiles with C# 9.0");
        Assert.Empty(run.HintNames);
    }

    [Fact]
    public void CSharp_11_is_enough_and_no_definitions_means_no_diagnostics()
    {
        var withDefinitions = GeneratorHarness.Run([First], sources: null, version: LanguageVersion.CSharp11);
        Assert.Empty(withDefinitions.Diagnostics);
        Assert.Contains("Demo.Node.g.cs", withDefinitions.HintNames);
        Assert.Empty(withDefinitions.CompilationProblems);

        var without = GeneratorHarness.Run([], sources: null, referenceRuntime: false, version: LanguageVersion.CSharp10);
        Assert.Empty(without.Diagnostics);
    }

    [Fact]
    public void Environment_problems_do_not_hide_definition_diagnostics()
    {
        var broken = Definition.Of("/defs/a.yaml", """
            namespace: demo
            csharp_namespace: Demo
            objects:
              Node:
                verison: "1.0"
            """);
        var run = GeneratorHarness.Run([broken], sources: null, referenceRuntime: false);

        DiagnosticAssert.OnlyReported(run, "VN0002", "VN0003", "VN0100");
        Assert.All(run.Diagnostics, d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
    }
}
