using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using VersionedNotifications;

namespace VersionedNotifications.Generator.Tests.Infrastructure;

/// <summary>Runs the real generator over YAML definitions in a real C# compilation.</summary>
internal static class GeneratorHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> FrameworkReferences = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(path) is "netstandard.dll" or "mscorlib.dll")
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray());

    private static readonly MetadataReference RuntimeReference = MetadataReference.CreateFromFile(typeof(EventTypeInfo).Assembly.Location);

    public static CSharpParseOptions ParseOptions(LanguageVersion version = LanguageVersion.CSharp12) => new(version);

    /// <summary>A compilation of <paramref name="sources"/>, with the runtime referenced unless told otherwise.</summary>
    public static CSharpCompilation CreateCompilation(IEnumerable<string>? sources = null, bool referenceRuntime = true, LanguageVersion version = LanguageVersion.CSharp12)
    {
        var trees = (sources ?? ["namespace Consumer; internal static class Placeholder { }"])
            .Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions(version), path: $"Source{i}.cs"));
        var references = referenceRuntime ? FrameworkReferences.Value.Add(RuntimeReference) : FrameworkReferences.Value;
        return CSharpCompilation.Create(
            "Consumer",
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> definitions, LanguageVersion version = LanguageVersion.CSharp12, IReadOnlyDictionary<string, string>? buildProperties = null) =>
        CSharpGeneratorDriver.Create(
            [new NotificationGenerator().AsSourceGenerator()],
            additionalTexts: definitions,
            parseOptions: ParseOptions(version),
            optionsProvider: buildProperties is null ? null : new BuildProperties(buildProperties),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator once; the result holds what it generated, what it reported, and the compiled output.</summary>
    public static GeneratorRun Run(IEnumerable<(string Path, string Text)> definitions, IEnumerable<string>? sources = null, bool referenceRuntime = true, LanguageVersion version = LanguageVersion.CSharp12, IReadOnlyDictionary<string, string>? buildProperties = null)
    {
        var compilation = CreateCompilation(sources, referenceRuntime, version);
        var driver = CreateDriver(definitions.Select(d => (AdditionalText)new InMemoryAdditionalText(d.Path, d.Text)), version, buildProperties);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        return new GeneratorRun(driver.GetRunResult(), output, generatorDiagnostics);
    }

    public static GeneratorRun Run(params (string Path, string Text)[] definitions) => Run(definitions, sources: null);

    /// <summary>The fixture definitions under Fixtures/, with stable paths.</summary>
    public static IReadOnlyList<(string Path, string Text)> Fixtures(string folder = "")
    {
        var root = Path.Combine(AppContext.BaseDirectory, "Fixtures", folder);
        return Directory.EnumerateFiles(root, "*.yaml", SearchOption.AllDirectories)
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => ("/definitions/" + Path.GetRelativePath(Path.Combine(AppContext.BaseDirectory, "Fixtures"), path).Replace('\\', '/'), File.ReadAllText(path)))
            .ToList();
    }
}

/// <summary>What one generator run produced.</summary>
internal sealed record GeneratorRun(GeneratorDriverRunResult Result, Compilation Output, ImmutableArray<Diagnostic> Diagnostics)
{
    public IEnumerable<GeneratedSourceResult> Sources => Result.Results.SelectMany(r => r.GeneratedSources);

    public IReadOnlyList<string> HintNames => Sources.Select(s => s.HintName).OrderBy(n => n, StringComparer.Ordinal).ToList();

    public string Source(string hintName) => Sources.Single(s => s.HintName == hintName).SourceText.ToString();

    /// <summary>Errors and warnings from compiling the user's code together with what was generated.</summary>
    public IReadOnlyList<Diagnostic> CompilationProblems =>
        Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
}
