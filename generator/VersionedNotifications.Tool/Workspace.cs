using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using VersionedNotifications.Generator.Checks;
using VersionedNotifications.Generator.Compatibility;
using VersionedNotifications.Generator.Diagnostics;
using VersionedNotifications.Generator.Model;
using VersionedNotifications.Generator.Parsing;

namespace VersionedNotifications.Tool;

/// <summary>A definitions folder as a build sees it: every YAML file parsed and checked, and the shipped manifest.</summary>
internal sealed class Workspace
{
    private Workspace(string definitionsFolder, string manifestPath, IReadOnlyList<DefinitionFile> files, ShippedManifest? manifest, IReadOnlyList<DiagnosticInfo> definitionDiagnostics, SeverityConfiguration severities)
    {
        Severities = severities;
        DefinitionsFolder = definitionsFolder;
        ManifestPath = manifestPath;
        Files = files;
        Manifest = manifest;
        DefinitionDiagnostics = definitionDiagnostics;
    }

    public string DefinitionsFolder { get; }

    public string ManifestPath { get; }

    public IReadOnlyList<DefinitionFile> Files { get; }

    public ShippedManifest? Manifest { get; }

    /// <summary>The severities the project's .editorconfig and .globalconfig files give our diagnostics.</summary>
    public SeverityConfiguration Severities { get; }

    /// <summary>What the generator would report about the definitions themselves (VN0001–VN0016).</summary>
    public IReadOnlyList<DiagnosticInfo> DefinitionDiagnostics { get; }

    /// <summary>
    /// Parses and checks every definitions file under <paramref name="definitionsFolder"/>;
    /// <paramref name="contextNaming"/> names the JSON context as the project's build properties do
    /// (none: as a project without <c>RootNamespace</c> and <c>VersionedNotificationsJsonContext</c>).
    /// </summary>
    public static Workspace Load(string definitionsFolder, string? manifestPath, ContextNaming? contextNaming = null)
    {
        var folder = Path.GetFullPath(definitionsFolder);
        if (!Directory.Exists(folder))
        {
            throw new UsageException($"the definitions folder '{definitionsFolder}' does not exist");
        }

        var manifest = Path.GetFullPath(manifestPath ?? Path.Combine(folder, ShippedManifest.FileName));
        var parsed = Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
            .Where(DefinitionFiles.IsDefinition)
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => DefinitionParser.Parse(path, File.ReadAllText(path)))
            .ToList();
        var files = parsed.Select(r => r.Value).ToList();
        var diagnostics = parsed.SelectMany(r => r.Diagnostics).Concat(DefinitionChecker.Check(files.ToImmutableArray(), contextNaming).Diagnostics).ToList();
        var shipped = File.Exists(manifest) ? ShippedManifest.Parse(manifest, File.ReadAllText(manifest)) : null;
        var severities = EditorConfigSeverities.Load(files.Select(f => f.Path).ToList());
        return new Workspace(folder, manifest, files, shipped, diagnostics, severities);
    }

    /// <summary>
    /// Every diagnostic a build would report, definitions first, then compatibility, each at the severity the project
    /// configures (those it turns off left out).
    /// </summary>
    public IReadOnlyList<(DiagnosticInfo Diagnostic, DiagnosticSeverity Severity)> AllDiagnostics() =>
        DefinitionDiagnostics.Concat(CompatibilityChecker.Check(Files, Manifest))
            .Select(d => (Diagnostic: d, Severity: Severities.EffectiveSeverity(d)))
            .Where(d => d.Severity is not null)
            .Select(d => (d.Diagnostic, d.Severity!.Value))
            .ToList();

    /// <summary>
    /// What the compatibility analyzer reports in a build (the microversion rules against the shipped manifest),
    /// each at the severity the project configures; those it turns off left out.
    /// </summary>
    public IReadOnlyList<Diagnostic> CompatibilityDiagnostics() =>
        CompatibilityChecker.Check(Files, Manifest).Select(Severities.Apply).OfType<Diagnostic>().ToList();

    /// <summary>A diagnostic as MSBuild prints one: <c>path(line,col): error VN0202: message</c>.</summary>
    public static string Format(DiagnosticInfo diagnostic, DiagnosticSeverity? configured = null)
    {
        var start = diagnostic.Location.LineSpan.Start;
        var severity = (configured ?? diagnostic.Descriptor.DefaultSeverity) switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "info",
        };
        return $"{diagnostic.Location.FilePath}({start.Line + 1},{start.Character + 1}): {severity} {diagnostic.Descriptor.Id}: {diagnostic.Message}";
    }
}

/// <summary>The command line asked for something that cannot be done; exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
