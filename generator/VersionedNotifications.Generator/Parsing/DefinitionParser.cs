using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using VersionedNotifications.Generator.Diagnostics;
using VersionedNotifications.Generator.Model;
using YamlDotNet.Core;

namespace VersionedNotifications.Generator.Parsing;

/// <summary>
/// Reads one definitions file into a <see cref="DefinitionFile"/>. Everything a single file can get
/// wrong is reported here, on the YAML line; what needs other files (names, cycles) is left to the
/// checker. Invalid pieces are left out of the model, so what follows never sees them.
/// </summary>
internal sealed partial class DefinitionParser
{
    private static readonly Regex WireNamespacePattern = new("^[a-z][a-z0-9_]*$", RegexOptions.CultureInvariant);

    private static readonly string[] RootKeys = { "namespace", "csharp_namespace", "description", "enums", "objects", "event_types" };

    private readonly string _path;
    private readonly CancellationToken _cancellationToken;
    private readonly List<DiagnosticInfo> _diagnostics = new();
    private bool _hasErrors;

    private DefinitionParser(string path, CancellationToken cancellationToken)
    {
        _path = path;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Parses one file; never throws for any text.</summary>
    public static Result<DefinitionFile> Parse(string path, string text, CancellationToken cancellationToken = default)
    {
        var parser = new DefinitionParser(path, cancellationToken);
        try
        {
            var file = parser.ParseFile(text);
            return new Result<DefinitionFile>(file, parser._diagnostics.ToEquatableArray());
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A generator that throws fails the user's whole build with CS8785; a bug here must
            // surface as one diagnostic on the file instead. Tests fail on any VN0999.
            var location = LocationInfo.StartOf(path);
            var diagnostic = DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, location, e.GetType().Name + ": " + e.Message);
            var file = new DefinitionFile(path, null, null, location, EquatableArray<ObjectDefinition>.Empty, EquatableArray<EnumDefinition>.Empty, EquatableArray<EventDefinition>.Empty, HasErrors: true);
            return new Result<DefinitionFile>(file, new[] { diagnostic }.ToEquatableArray());
        }
    }

    internal void Report(DiagnosticDescriptor descriptor, YamlTreeNode node, params string[] args) =>
        Report(descriptor, LocationOf(node), args);

    internal void Report(DiagnosticDescriptor descriptor, LocationInfo location, params string[] args)
    {
        _hasErrors |= descriptor.DefaultSeverity == DiagnosticSeverity.Error;
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, location, args));
    }

    internal LocationInfo LocationOf(YamlTreeNode node) => LocationOf(node.Start, node.End);

    private LocationInfo LocationOf(Mark start, Mark end)
    {
        var startPosition = new LinePosition(Math.Max(0, (int)start.Line - 1), Math.Max(0, (int)start.Column - 1));
        var endPosition = new LinePosition(Math.Max(0, (int)end.Line - 1), Math.Max(0, (int)end.Column - 1));
        if (endPosition < startPosition)
        {
            endPosition = startPosition;
        }

        var startIndex = Math.Max(0, (int)start.Index);
        var length = Math.Max(0, (int)end.Index - startIndex);
        return new LocationInfo(_path, new TextSpan(startIndex, length), new LinePositionSpan(startPosition, endPosition));
    }

    private DefinitionFile ParseFile(string text)
    {
        var fileStart = LocationInfo.StartOf(_path);
        var empty = new DefinitionFile(_path, null, null, fileStart, EquatableArray<ObjectDefinition>.Empty, EquatableArray<EnumDefinition>.Empty, EquatableArray<EventDefinition>.Empty, HasErrors: true);

        YamlTreeNode? root;
        try
        {
            root = YamlTreeReader.Read(text);
        }
        catch (YamlTreeReader.YamlReadException e)
        {
            Report(DiagnosticDescriptors.MalformedYaml, LocationOf(e.Start, e.End), e.Message);
            return empty;
        }

        if (root is null || (root is YamlTreeScalar scalar && scalar.IsNull))
        {
            Report(DiagnosticDescriptors.MissingKey, fileStart, "A definitions file", "namespace");
            return empty;
        }

        var reader = MappingReader.Create(this, root, "the definitions file", RootKeys);
        if (reader is null)
        {
            return empty;
        }

        var namespaceLocation = fileStart;
        var wireNamespace = RequiredString(reader, "namespace", "A definitions file");
        if (reader.TryGet("namespace", out _, out var namespaceNode))
        {
            namespaceLocation = LocationOf(namespaceNode);
            if (wireNamespace is not null && !WireNamespacePattern.IsMatch(wireNamespace))
            {
                Report(DiagnosticDescriptors.InvalidValue, namespaceNode, "namespace", $"'{wireNamespace}' must be lower case letters, digits and underscores, starting with a letter (it prefixes the wire keys, as 'ironic' gives 'ironic_object.name')");
                wireNamespace = null;
            }
        }

        var csharpNamespace = RequiredString(reader, "csharp_namespace", "A definitions file");
        if (csharpNamespace is not null && !Naming.IsValidNamespace(csharpNamespace) && reader.TryGet("csharp_namespace", out _, out var csharpNode))
        {
            Report(DiagnosticDescriptors.InvalidIdentifier, csharpNode, "csharp_namespace", csharpNamespace, ": each dotted part must be a C# identifier");
            csharpNamespace = null;
        }

        OptionalString(reader, "description");
        var enums = ParseEnums(reader);
        var objects = ParseObjects(reader);
        var events = ParseEventTypes(reader);
        return new DefinitionFile(_path, wireNamespace, csharpNamespace, namespaceLocation, objects, enums, events, _hasErrors);
    }

    // Scalar helpers shared by the parts of the parser.

    private string? RequiredString(MappingReader reader, string key, string owner)
    {
        if (!reader.Has(key))
        {
            Report(DiagnosticDescriptors.MissingKey, reader.Mapping, owner, key);
            return null;
        }

        return OptionalString(reader, key);
    }

    private string? OptionalString(MappingReader reader, string key)
    {
        if (!reader.TryGet(key, out _, out var node))
        {
            return null;
        }

        return ScalarText(node, key);
    }

    private string? ScalarText(YamlTreeNode node, string what)
    {
        if (node is YamlTreeScalar scalar)
        {
            return scalar.IsNull ? null : scalar.Value;
        }

        Report(DiagnosticDescriptors.InvalidValue, node, what, $"expected a single value, found {node.Kind}");
        return null;
    }

    private bool? OptionalBoolean(MappingReader reader, string key)
    {
        if (!reader.TryGet(key, out _, out var node))
        {
            return null;
        }

        switch (ScalarText(node, key))
        {
            case "true" or "True" or "TRUE":
                return true;
            case "false" or "False" or "FALSE":
                return false;
            case { } other:
                Report(DiagnosticDescriptors.InvalidValue, node, key, $"expected true or false, found '{other}'");
                return null;
            default:
                return null;
        }
    }

    private ObjectVersion? ParseVersion(YamlTreeNode node, string key)
    {
        var text = ScalarText(node, key);
        if (text is null)
        {
            return null;
        }

        if (ObjectVersion.TryParse(text, out var version))
        {
            return version;
        }

        Report(DiagnosticDescriptors.InvalidValue, node, key, $"'{text}' is not a version of the form major.minor, such as \"1.16\"");
        return null;
    }

    private IEnumerable<KeyValuePair<YamlTreeScalar, YamlTreeNode>> Entries(MappingReader reader, string key)
    {
        if (!reader.TryGet(key, out _, out var node) || (node is YamlTreeScalar scalar && scalar.IsNull))
        {
            yield break;
        }

        if (node is not YamlTreeMapping mapping)
        {
            Report(DiagnosticDescriptors.InvalidValue, node, key, $"expected a mapping of names to definitions, found {node.Kind}");
            yield break;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in mapping.Entries)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (!seen.Add(entry.Key.Value))
            {
                Report(DiagnosticDescriptors.DuplicateName, entry.Key, Singular(key), entry.Key.Value, " in this file");
                continue;
            }

            yield return entry;
        }
    }

    private static string Singular(string key) => key switch
    {
        "objects" => "Object",
        "enums" => "Enum",
        "fields" => "Field",
        "event_types" => "Event type",
        "history" => "Version",
        _ => key,
    };

    private string? ValidIdentifier(string wireName, string csharpName, YamlTreeNode at, string hint)
    {
        if (Naming.IsValidIdentifier(csharpName))
        {
            return csharpName;
        }

        Report(DiagnosticDescriptors.InvalidIdentifier, at, wireName, csharpName, hint);
        return null;
    }
}
