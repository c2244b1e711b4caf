using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using VersionedNotifications.Generator.Analyzers;
using VersionedNotifications.Generator.Compatibility;
using VersionedNotifications.Generator.Parsing;
using VersionedNotifications.Generator.Tests.Diagnostics;
using VersionedNotifications.Generator.Tests.Infrastructure;

namespace VersionedNotifications.Generator.Tests.Compatibility;

/// <summary>Runs the real compatibility analyzer in a compilation, with definitions and a manifest as AdditionalFiles.</summary>
internal static class CompatibilityHarness
{
    public const string ManifestPath = "/defs/VersionedNotifications.Shipped.txt";

    /// <summary>The manifest <c>vnotify ship</c> writes for <paramref name="released"/>, on top of <paramref name="existing"/>.</summary>
    public static string Ship(string? existing, params Definition[] released)
    {
        var files = released.Select(d => DefinitionParser.Parse(d.Path, d.Text).Value).ToList();
        Assert.All(files, f => Assert.False(f.HasErrors, f.Path));
        var before = existing is null ? null : ShippedManifest.Parse(ManifestPath, existing);
        return ManifestBuilder.Ship(before, files, ManifestPath).Write();
    }

    public static ImmutableArray<Diagnostic> Analyze(string? manifest, params Definition[] definitions) =>
        Analyze(manifest, severities: null, definitions);

    public static ImmutableArray<Diagnostic> Analyze(string? manifest, IDictionary<string, ReportDiagnostic>? severities, params Definition[] definitions)
    {
        var texts = definitions.Select(d => (AdditionalText)new InMemoryAdditionalText(d.Path, d.Text)).ToList();
        if (manifest is not null)
        {
            texts.Add(new InMemoryAdditionalText(ManifestPath, manifest));
        }

        var compilation = GeneratorHarness.CreateCompilation();
        if (severities is not null)
        {
            compilation = compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(severities));
        }

        var analyzed = compilation.WithAnalyzers([new CompatibilityAnalyzer()], new AnalyzerOptions([.. texts]));
        return analyzed.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult()
            .OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal)
            .ThenBy(d => d.Location.GetLineSpan().StartLinePosition)
            .ToImmutableArray();
    }

    /// <summary>Exactly one <paramref name="id"/>, at the 1-based line and column of <paramref name="path"/>, with that severity and message fragment.</summary>
    public static Diagnostic Single(ImmutableArray<Diagnostic> diagnostics, string id, DiagnosticSeverity severity, string path, int line, int column, string message)
    {
        var matching = diagnostics.Where(d => d.Id == id).ToList();
        Assert.True(matching.Count == 1, $"expected one {id}, got:\n{Describe(diagnostics)}");
        var diagnostic = matching[0];
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(severity, diagnostic.Severity);
        Assert.Equal(path, span.Path);
        Assert.True((line, column) == (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1), $"expected {path}:{line}:{column}, got\n{Describe([diagnostic])}");
        Assert.Contains(message, diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        return diagnostic;
    }

    /// <summary>Nothing but what is listed (info included).</summary>
    public static void Only(ImmutableArray<Diagnostic> diagnostics, params string[] ids) =>
        Assert.True(
            diagnostics.Select(d => d.Id).OrderBy(i => i, StringComparer.Ordinal).SequenceEqual(ids.OrderBy(i => i, StringComparer.Ordinal)),
            $"expected [{string.Join(", ", ids)}], got:\n{Describe(diagnostics)}");

    public static string Describe(IEnumerable<Diagnostic> diagnostics) =>
        string.Join("\n", diagnostics.Select(d => $"  {d.Id} {d.Severity} {d.Location.GetLineSpan().Path}:{d.Location.GetLineSpan().StartLinePosition.Line + 1}:{d.Location.GetLineSpan().StartLinePosition.Character + 1}: {d.GetMessage(CultureInfo.InvariantCulture)}"));

    /// <summary>The YAML with every <c>exceptions:</c> block taken out, each history entry keeping its line of changes.</summary>
    public static string RemoveExceptions(string yaml)
    {
        var lines = yaml.Split('\n');
        var kept = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() != "exceptions:")
            {
                kept.Add(lines[i]);
                continue;
            }

            var indent = lines[i].Length - lines[i].TrimStart().Length;
            while (i + 1 < lines.Length && (lines[i + 1].Trim().Length == 0 || lines[i + 1].Length - lines[i + 1].TrimStart().Length > indent))
            {
                i++;
            }
        }

        var text = string.Join('\n', kept);
        Assert.DoesNotContain("exceptions:", text, StringComparison.Ordinal);
        return text;
    }
}
