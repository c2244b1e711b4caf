using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using VersionedNotifications.Generator;
using VersionedNotifications.Generator.Model;

namespace VersionedNotifications.Tool.Contracts;

/// <summary>
/// Compiles a definitions folder in memory as a user's build compiles it: the generator this tool ships runs
/// through Roslyn's generator driver on a compilation that references the runtime, with the YAML files and the
/// project's .editorconfig/.globalconfig files as AdditionalFiles and the project's naming properties as build
/// properties; the compatibility rules run against the shipped manifest as the analyzer runs them. What it
/// generates is emitted to memory and loaded, so messages read and write through the very code the build makes.
/// </summary>
internal static class DefinitionsCompiler
{
    // The assembly the definitions compile into; any name but the runtime's, which the generator looks for among the references.
    private const string AssemblyName = "vnotify.definitions";

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    /// <summary>Compiles the definitions under <paramref name="definitionsFolder"/>.</summary>
    /// <param name="definitionsFolder">The folder of YAML definitions, searched recursively.</param>
    /// <param name="manifestPath">The shipped manifest; by default the one in the folder.</param>
    /// <param name="naming">The project's <c>RootNamespace</c> and <c>VersionedNotificationsJsonContext</c>.</param>
    /// <exception cref="UsageException">The folder does not exist or holds no definitions.</exception>
    public static DefinitionsBuild Compile(string definitionsFolder, string? manifestPath, ContextNaming naming)
    {
        var workspace = Workspace.Load(definitionsFolder, manifestPath, naming);
        if (workspace.Files.Count == 0)
        {
            throw new UsageException($"--definitions: no definitions (*.yaml, *.yml) in '{definitionsFolder}'");
        }

        var definitions = workspace.Files.Select(f => f.Path).ToList();
        var texts = definitions.Select(path => (AdditionalText)new FileText(path, File.ReadAllText(path)))
            .Concat(EditorConfigSeverities.Find(definitions).Select(c => new FileText(c.Path, c.Text)))
            .ToImmutableArray();
        // The newest C# the compiler this tool carries knows; the generated code needs C# 11 (required members).
        var parseOptions = new CSharpParseOptions(LanguageVersion.CSharp12);
        var driver = CSharpGeneratorDriver.Create(
            [new NotificationGenerator().AsSourceGenerator()],
            additionalTexts: texts,
            parseOptions: parseOptions,
            optionsProvider: new BuildProperties(PropertiesOf(naming)));
        var compilation = CSharpCompilation.Create(
            AssemblyName,
            syntaxTrees: [],
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, optimizationLevel: OptimizationLevel.Release));
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var generated, out var generatorDiagnostics);

        // What the generator reports, then the microversion rules, each at the severity the project gives it.
        var diagnostics = generatorDiagnostics.Concat(workspace.CompatibilityDiagnostics()).ToList();
        if (diagnostics.Any(IsError))
        {
            return new DefinitionsBuild(diagnostics, null);
        }

        using var image = new MemoryStream();
        var emitted = generated.Emit(image);
        diagnostics.AddRange(emitted.Diagnostics.Where(IsError));
        if (!emitted.Success)
        {
            return new DefinitionsBuild(diagnostics, null);
        }

        image.Position = 0;
        return new DefinitionsBuild(diagnostics, CompiledContracts.Load(image, workspace.DefinitionsFolder));
    }

    private static bool IsError(Diagnostic diagnostic) => diagnostic.Severity == DiagnosticSeverity.Error;

    private static Dictionary<string, string> PropertiesOf(ContextNaming naming)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        if (naming.RootNamespace is { } root)
        {
            properties["RootNamespace"] = root;
        }

        if (naming.ExplicitName is { } name)
        {
            properties["VersionedNotificationsJsonContext"] = name;
        }

        return properties;
    }

    /// <summary>The framework this tool runs on and the runtime it carries: what a project's generated code compiles against.</summary>
    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => Path.GetDirectoryName(path) == framework)
            .Append(typeof(NotificationReader).Assembly.Location)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }
}

/// <summary>What compiling a definitions folder gave.</summary>
/// <param name="Diagnostics">Every diagnostic a build would show, errors included.</param>
/// <param name="Contracts">The compiled contracts; <see langword="null"/> when an error stopped the build.</param>
internal sealed record DefinitionsBuild(IReadOnlyList<Diagnostic> Diagnostics, CompiledContracts? Contracts);
