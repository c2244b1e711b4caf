using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using VersionedNotifications.Generator.Checks;
using VersionedNotifications.Generator.Diagnostics;
using VersionedNotifications.Generator.Emit;
using VersionedNotifications.Generator.Model;
using VersionedNotifications.Generator.Parsing;

namespace VersionedNotifications.Generator;

/// <summary>
/// Compiles notification definitions (<c>*.yaml</c> AdditionalFiles) into payload records, enums and
/// event-type constants, JSON converters and a JSON context. This class only wires the stages: parse (per file) → check (all files) →
/// emit (per type); diagnostics travel as data and are reported from their own outputs.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class NotificationGenerator : IIncrementalGenerator
{
    /// <summary>The assembly of the runtime package that generated code depends on.</summary>
    internal const string RuntimeAssemblyName = "VersionedNotifications";

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var parsed = context.AdditionalTextsProvider
            .Where(static text => DefinitionFiles.IsDefinition(text.Path))
            .Select(static (text, cancellationToken) => DefinitionParser.Parse(text.Path, text.GetText(cancellationToken)?.ToString() ?? string.Empty, cancellationToken))
            .WithTrackingName(TrackingNames.Parse);

        var contextNaming = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => new ContextNaming(
                options.GlobalOptions.TryGetValue("build_property.RootNamespace", out var root) ? root : null,
                options.GlobalOptions.TryGetValue("build_property.VersionedNotificationsJsonContext", out var name) ? name : null))
            .WithTrackingName(TrackingNames.ContextNaming);

        // The checker needs the JSON context's name: no definition may take it, nor clash with its members.
        var checkedDefinitions = parsed
            .Select(static (result, _) => result.Value)
            .Collect()
            .Combine(contextNaming)
            .Select(static (pair, cancellationToken) => DefinitionChecker.Check(pair.Left, pair.Right, cancellationToken))
            .WithTrackingName(TrackingNames.Check);

        var environment = context.MetadataReferencesProvider
            .Select(static (reference, _) => IsRuntime(reference))
            .Collect()
            .Combine(context.ParseOptionsProvider.Select(static (options, _) => (options as CSharpParseOptions)?.LanguageVersion ?? LanguageVersion.Latest))
            .Select(static (pair, _) => new GenerationEnvironment(pair.Left.Contains(true), pair.Right))
            .WithTrackingName(TrackingNames.Environment);

        var spec = checkedDefinitions
            .Select(static (result, _) => result.Value)
            .Combine(environment)
            .Select(static (pair, _) => pair.Right.CanGenerate ? pair.Left : GenerationSpec.Empty)
            .WithTrackingName(TrackingNames.Spec);

        var objects = spec.SelectMany(static (s, _) => s.Objects).WithTrackingName(TrackingNames.Objects);
        var enums = spec.SelectMany(static (s, _) => s.Enums).WithTrackingName(TrackingNames.Enums);
        var eventTypes = spec.SelectMany(static (s, _) => s.EventTypes).WithTrackingName(TrackingNames.EventTypes);

        var jsonContext = spec
            .Combine(contextNaming)
            .Select(static (pair, _) => JsonContextBuilder.Build(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.JsonContext);

        context.RegisterSourceOutput(objects, static (production, o) => production.AddSource(ObjectEmitter.HintName(o), ObjectEmitter.Emit(o).ToSourceText()));
        context.RegisterSourceOutput(objects, static (production, o) => production.AddSource(ConverterEmitter.HintName(o), ConverterEmitter.Emit(o).ToSourceText()));
        context.RegisterSourceOutput(jsonContext, static (production, c) =>
        {
            if (c is not null)
            {
                production.AddSource(JsonContextEmitter.HintName(c), JsonContextEmitter.Emit(c).ToSourceText());
            }
        });
        context.RegisterSourceOutput(enums, static (production, e) => production.AddSource(EnumEmitter.HintName(e), EnumEmitter.Emit(e).ToSourceText()));
        context.RegisterSourceOutput(eventTypes, static (production, e) => production.AddSource(EventTypesEmitter.HintName(e), EventTypesEmitter.Emit(e).ToSourceText()));

        var severities = context.AdditionalTextsProvider
            .Where(static text => SeverityConfiguration.IsConfigFile(text.Path))
            .Select(static (text, cancellationToken) => new ConfigurationText(text.Path, text.GetText(cancellationToken)?.ToString() ?? string.Empty))
            .Collect()
            .Combine(parsed.Select(static (result, _) => result.Value.Path).Collect())
            .Select(static (pair, _) => SeverityConfiguration.From(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.Severities);

        context.RegisterSourceOutput(parsed.Select(static (result, _) => result.Diagnostics).Combine(severities), ReportAll);
        context.RegisterSourceOutput(checkedDefinitions.Select(static (result, _) => result.Diagnostics).Combine(severities), ReportAll);

        var firstDefinitionFile = parsed
            .Select(static (result, _) => result.Value.Path)
            .Collect()
            .Select(static (paths, _) => paths.IsEmpty ? null : paths.OrderBy(p => p, StringComparer.Ordinal).First());
        context.RegisterSourceOutput(firstDefinitionFile.Combine(environment), static (production, pair) => ReportEnvironment(production, pair.Left, pair.Right));
    }

    private static bool IsRuntime(MetadataReference reference) => reference switch
    {
        PortableExecutableReference { FilePath: { } path } => string.Equals(Path.GetFileNameWithoutExtension(path), RuntimeAssemblyName, StringComparison.OrdinalIgnoreCase),
        CompilationReference compilation => compilation.Compilation.AssemblyName == RuntimeAssemblyName,
        _ => false,
    };

    private static void ReportAll(SourceProductionContext production, (EquatableArray<DiagnosticInfo> Diagnostics, SeverityConfiguration Severities) pair)
    {
        foreach (var diagnostic in pair.Diagnostics)
        {
            if (pair.Severities.Apply(diagnostic) is { } configured)
            {
                production.ReportDiagnostic(configured);
            }
        }
    }

    private static void ReportEnvironment(SourceProductionContext production, string? firstDefinitionFile, GenerationEnvironment environment)
    {
        if (firstDefinitionFile is null)
        {
            return;
        }

        var location = LocationInfo.StartOf(firstDefinitionFile).ToLocation();
        if (!environment.ReferencesRuntime)
        {
            production.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.RuntimeNotReferenced, location));
        }

        if (!environment.SupportsRequiredMembers)
        {
            production.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.LanguageVersionTooLow, location, environment.LanguageVersion.ToDisplayString()));
        }
    }
}
