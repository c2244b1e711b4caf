using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using VersionedNotifications.Generator.Model;

namespace VersionedNotifications.Generator.Diagnostics;

/// <summary>
/// The severities a project gives our diagnostics, per definitions file: <c>dotnet_diagnostic.VN0207.severity = none</c>
/// in an <c>.editorconfig</c> section that matches the YAML file (<c>[*]</c>, <c>[*.yaml]</c>) or in a
/// <c>.globalconfig</c>. The compiler applies these only to diagnostics in C# files, and it keeps them from the
/// options analyzers see; ours sit in YAML files. So the build targets hand the project's configuration files to the
/// compiler as additional files too, and the generator, the analyzer and <c>vnotify</c> (which reads them from disk)
/// read them here, all three alike, as the compiler would.
/// </summary>
/// <param name="Entries">One entry per definitions file and configured diagnostic ID.</param>
internal sealed record SeverityConfiguration(EquatableArray<SeverityEntry> Entries)
{
    public static readonly SeverityConfiguration None = new(EquatableArray<SeverityEntry>.Empty);

    /// <summary>Whether <paramref name="path"/> is an .editorconfig or .globalconfig file (as the build targets pass them).</summary>
    public static bool IsConfigFile(string path) =>
        path.EndsWith(".editorconfig", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".globalconfig", StringComparison.OrdinalIgnoreCase);

    /// <summary>What the configuration files <paramref name="configs"/> say of our diagnostics in each definitions file.</summary>
    public static SeverityConfiguration From(IEnumerable<ConfigurationText> configs, IEnumerable<string> definitionPaths)
    {
        var parsed = configs.Select(c => AnalyzerConfig.Parse(c.Text, c.Path)).ToList();
        if (parsed.Count == 0)
        {
            return None;
        }

        var set = AnalyzerConfigSet.Create(parsed);
        var global = set.GlobalConfigOptions.TreeOptions;
        var entries = new List<SeverityEntry>();
        foreach (var path in definitionPaths.Distinct(StringComparer.Ordinal).OrderBy(p => p, StringComparer.Ordinal))
        {
            var local = set.GetOptionsForSourcePath(path).TreeOptions;
            foreach (var id in local.Keys.Concat(global.Keys).Where(IsOurs).Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(id => id, StringComparer.OrdinalIgnoreCase))
            {
                var severity = local.TryGetValue(id, out var value) ? value : global[id];
                entries.Add(new SeverityEntry(path, id.ToUpperInvariant(), severity));
            }
        }

        return new SeverityConfiguration(entries.ToEquatableArray());
    }

    private static bool IsOurs(string id) => id.StartsWith("VN", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The diagnostic as the project configured it, or null when it is turned off (<c>none</c>, or <c>silent</c>,
    /// which a build never shows).
    /// </summary>
    public Diagnostic? Apply(DiagnosticInfo info)
    {
        var severity = SeverityOf(info);
        if (severity is null)
        {
            return info.ToDiagnostic();
        }

        return severity.Value switch
        {
            ReportDiagnostic.Suppress or ReportDiagnostic.Hidden => null,
            ReportDiagnostic.Error => info.ToDiagnostic(DiagnosticSeverity.Error),
            ReportDiagnostic.Warn => info.ToDiagnostic(DiagnosticSeverity.Warning),
            ReportDiagnostic.Info => info.ToDiagnostic(DiagnosticSeverity.Info),
            _ => info.ToDiagnostic(),
        };
    }

    /// <summary>The severity the diagnostic is reported at, or null when it is turned off; for <c>vnotify check</c>.</summary>
    public DiagnosticSeverity? EffectiveSeverity(DiagnosticInfo info) => SeverityOf(info) switch
    {
        ReportDiagnostic.Suppress or ReportDiagnostic.Hidden => null,
        ReportDiagnostic.Error => DiagnosticSeverity.Error,
        ReportDiagnostic.Warn => DiagnosticSeverity.Warning,
        ReportDiagnostic.Info => DiagnosticSeverity.Info,
        _ => info.Descriptor.DefaultSeverity,
    };

    private ReportDiagnostic? SeverityOf(DiagnosticInfo info)
    {
        foreach (var entry in Entries)
        {
            if (string.Equals(entry.Id, info.Descriptor.Id, StringComparison.OrdinalIgnoreCase) && string.Equals(entry.Path, info.Location.FilePath, StringComparison.Ordinal))
            {
                return entry.Severity;
            }
        }

        return null;
    }
}

/// <summary>The severity configured for diagnostic <paramref name="Id"/> in the definitions file <paramref name="Path"/>.</summary>
internal sealed record SeverityEntry(string Path, string Id, ReportDiagnostic Severity);

/// <summary>One .editorconfig or .globalconfig file, as text.</summary>
internal sealed record ConfigurationText(string Path, string Text);
