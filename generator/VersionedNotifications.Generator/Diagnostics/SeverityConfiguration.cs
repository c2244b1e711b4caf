using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using VersionedNotifications.Generator.Model;

namespace VersionedNotifications.Generator.Diagnostics;

/// <summary>
/// The severities a project gives our diagnostics, per definitions file: <c>dotnet_diagnostic.VN0207.severity = none</c>
/// in an <c>.editorconfig</c> section that matches the YAML file (<c>[*]</c>, <c>[*.yaml]</c>) or in a
/// <c>.globalconfig</c>. The compiler applies <c>.editorconfig</c> severities only to diagnostics in C# files, and ours
/// sit in YAML files, so the generator, the analyzer and <c>vnotify check</c> apply them here, all three alike.
/// </summary>
/// <param name="Entries">One entry per definitions file and configured diagnostic ID.</param>
internal sealed record SeverityConfiguration(EquatableArray<SeverityEntry> Entries)
{
    public static readonly SeverityConfiguration None = new(EquatableArray<SeverityEntry>.Empty);

    /// <summary>Every diagnostic ID the generator and the analyzer can report.</summary>
    public static IReadOnlyList<string> KnownIds { get; } = typeof(DiagnosticDescriptors)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => f.GetValue(null))
        .OfType<DiagnosticDescriptor>()
        .Select(d => d.Id)
        .Distinct(StringComparer.Ordinal)
        .OrderBy(id => id, StringComparer.Ordinal)
        .ToList();

    /// <summary>The entries of one file, read from its options through <paramref name="lookup"/> (key to value, or null).</summary>
    public static IEnumerable<SeverityEntry> Read(string path, Func<string, string?> lookup)
    {
        foreach (var id in KnownIds)
        {
            if (lookup("dotnet_diagnostic." + id + ".severity") is { } text && Parse(text) is { } severity)
            {
                yield return new SeverityEntry(path, id, severity);
            }
        }
    }

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
            if (entry.Id == info.Descriptor.Id && string.Equals(entry.Path, info.Location.FilePath, StringComparison.Ordinal))
            {
                return entry.Severity;
            }
        }

        return null;
    }

    private static ReportDiagnostic? Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "none" => ReportDiagnostic.Suppress,
        "silent" => ReportDiagnostic.Hidden,
        "suggestion" => ReportDiagnostic.Info,
        "warning" => ReportDiagnostic.Warn,
        "error" => ReportDiagnostic.Error,
        "default" => ReportDiagnostic.Default,
        _ => null,
    };
}

/// <summary>The severity configured for diagnostic <paramref name="Id"/> in the definitions file <paramref name="Path"/>.</summary>
internal sealed record SeverityEntry(string Path, string Id, ReportDiagnostic Severity);
