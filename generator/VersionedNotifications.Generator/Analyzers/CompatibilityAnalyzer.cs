using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using VersionedNotifications.Generator.Compatibility;
using VersionedNotifications.Generator.Diagnostics;
using VersionedNotifications.Generator.Model;
using VersionedNotifications.Generator.Parsing;

namespace VersionedNotifications.Generator.Analyzers;

/// <summary>
/// Reports breaches of the microversion rules on the YAML lines of the definitions, comparing them
/// with the shipped manifest (<c>VersionedNotifications.Shipped.txt</c>, an AdditionalFile). The
/// rules live in <see cref="CompatibilityChecker"/>, which <c>vnotify check</c> runs too; the
/// generator keeps generating whatever these report.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CompatibilityAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.VersionNotShipped,
        DiagnosticDescriptors.ChangedWithoutBump,
        DiagnosticDescriptors.BreakingMinorChange,
        DiagnosticDescriptors.MajorBumpForAdditiveChange,
        DiagnosticDescriptors.ShippedVersionRewritten,
        DiagnosticDescriptors.SinceNotInHistory,
        DiagnosticDescriptors.VersionOutOfSequence,
        DiagnosticDescriptors.ContainerNotBumped,
        DiagnosticDescriptors.RemovedNameReused,
        DiagnosticDescriptors.EventTypeRemoved,
        DiagnosticDescriptors.EventPayloadChanged,
        DiagnosticDescriptors.EventPriorityChanged,
        DiagnosticDescriptors.MalformedManifest,
        DiagnosticDescriptors.EnumValueRemoved,
        DiagnosticDescriptors.InternalError);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationAction(Analyze);
    }

    private static void Analyze(CompilationAnalysisContext context)
    {
        var texts = context.Options.AdditionalFiles;
        var definitions = texts.Where(t => DefinitionFiles.IsDefinition(t.Path)).OrderBy(t => t.Path, StringComparer.Ordinal).ToList();
        if (definitions.Count == 0)
        {
            return;
        }

        try
        {
            var severities = SeverityConfiguration.From(
                texts.Where(t => SeverityConfiguration.IsConfigFile(t.Path)).Select(t => new ConfigurationText(t.Path, t.GetText(context.CancellationToken)?.ToString() ?? string.Empty)),
                definitions.Select(t => t.Path));
            foreach (var diagnostic in Check(definitions, context.Options, context.CancellationToken))
            {
                if (severities.Apply(diagnostic) is { } configured)
                {
                    context.ReportDiagnostic(configured);
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var location = LocationInfo.StartOf(definitions[0].Path).ToLocation();
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InternalError, location, e.GetType().Name + ": " + e.Message));
        }
    }

    private static System.Collections.Generic.IReadOnlyList<DiagnosticInfo> Check(
        System.Collections.Generic.IEnumerable<AdditionalText> definitions, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var files = definitions
            .Select(t => DefinitionParser.Parse(t.Path, t.GetText(cancellationToken)?.ToString() ?? string.Empty, cancellationToken).Value)
            .ToList();
        var manifestText = options.AdditionalFiles.FirstOrDefault(t => DefinitionFiles.IsShippedManifest(t.Path));
        var manifest = manifestText is null
            ? null
            : ShippedManifest.Parse(manifestText.Path, manifestText.GetText(cancellationToken)?.ToString() ?? string.Empty);
        return CompatibilityChecker.Check(files, manifest);
    }
}
