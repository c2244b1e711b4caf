using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using VersionedNotifications.Generator;

namespace VersionedNotifications.Benchmarks;

/// <summary>
/// The generator over every OpenStack definition (definitions/ironic and definitions/glance), in a
/// real GeneratorDriver: a cold run, and a rerun after an unrelated C# edit.
/// </summary>
[MemoryDiagnoser]
public class GeneratorRuns
{
    private ImmutableArray<AdditionalText> _definitions;
    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _edited = null!;
    private GeneratorDriver _warm = null!;
    private int _edit;

    [GlobalSetup]
    public void Setup()
    {
        _definitions = LoadDefinitions();
        _compilation = Compilation("public static class Program { public static int Value => 1; }");
        _edited = _compilation;
        _warm = CreateDriver(_definitions).RunGenerators(_compilation);
    }

    [Benchmark(Description = "cold run, all OpenStack definitions")]
    public GeneratorDriver Cold() => CreateDriver(_definitions).RunGenerators(_compilation);

    [Benchmark(Description = "rerun after an unrelated C# edit")]
    public GeneratorDriver CachedRerun()
    {
        _edited = Edit(_edited, ++_edit);
        _warm = _warm.RunGenerators(_edited);
        return _warm;
    }

    public static GeneratorDriver CreateDriver(ImmutableArray<AdditionalText> definitions) =>
        CSharpGeneratorDriver.Create(
            [new NotificationGenerator().AsSourceGenerator()],
            additionalTexts: definitions,
            parseOptions: new CSharpParseOptions(LanguageVersion.CSharp12),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static CSharpCompilation Compilation(string source)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(path) is "netstandard.dll")
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .Append(MetadataReference.CreateFromFile(typeof(EventTypeInfo).Assembly.Location));
        return CSharpCompilation.Create(
            "Consumer",
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp12), path: "Program.cs")],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
    }

    /// <summary>The compilation with its only file replaced by an edit that touches no definition.</summary>
    public static CSharpCompilation Edit(CSharpCompilation compilation, int edit)
    {
        var old = compilation.SyntaxTrees.Single();
        var text = SourceText.From($"public static class Program {{ public static int Value => {edit}; }}");
        return compilation.ReplaceSyntaxTree(old, old.WithChangedText(text));
    }

    public static ImmutableArray<AdditionalText> LoadDefinitions()
    {
        var root = FindRepositoryRoot();
        return Directory.EnumerateFiles(Path.Combine(root, "definitions"), "*.yaml", SearchOption.AllDirectories)
            .Append(Path.Combine(root, "definitions", "VersionedNotifications.Shipped.txt"))
            .Order(StringComparer.Ordinal)
            .Select(path => (AdditionalText)new FileText(path, File.ReadAllText(path)))
            .ToImmutableArray();
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Contracts.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Run the benchmarks from the repository: Contracts.sln is not above " + AppContext.BaseDirectory);
    }

    private sealed class FileText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
