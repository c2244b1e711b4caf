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
    private SourceText _text = SourceText.From(string.Empty);

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

    /// <summary>
    /// A YAML span as a place in the file. Lines and columns come from the character offsets, with
    /// the compiler's own idea of a line break ('\r' and U+2028 end lines in C#, not in YAML), and
    /// are clamped to the text: YamlDotNet places some errors past the end of the file.
    /// </summary>
    private LocationInfo LocationOf(Mark start, Mark end)
    {
        var startIndex = Math.Min(Math.Max(0, (int)start.Index), _text.Length);
        var endIndex = Math.Min(Math.Max(startIndex, (int)end.Index), _text.Length);
        var span = TextSpan.FromBounds(startIndex, endIndex);
        return new LocationInfo(_path, span, _text.Lines.GetLinePositionSpan(span));
    }

    private DefinitionFile ParseFile(string text)
    {
        _text = SourceText.From(text);
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

        reader.TryGet(key, out _, out var node);
        return RequiredScalar(node, key);
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

    /// <summary>The text of a scalar that must have a value: an empty or null value is reported.</summary>
    private string? RequiredScalar(YamlTreeNode node, string what)
    {
        if (node is YamlTreeScalar { IsNull: true })
        {
            Report(DiagnosticDescriptors.InvalidValue, node, what, "a value is needed here, found nothing");
            return null;
        }

        return ScalarText(node, what);
    }

    private bool? OptionalBoolean(MappingReader reader, string key)
    {
        if (!reader.TryGet(key, out _, out var node))
        {
            return null;
        }

        // Booleans are YAML booleans: a quoted "true" is a string, here as in a default.
        var isPlain = node is YamlTreeScalar { IsPlain: true };
        switch (RequiredScalar(node, key))
        {
            case "true" or "True" or "TRUE" when isPlain:
                return true;
            case "false" or "False" or "FALSE" when isPlain:
                return false;
            case { } other:
                Report(DiagnosticDescriptors.InvalidValue, node, key, $"expected true or false (unquoted), found '{other}'");
                return null;
            default:
                return null;
        }
    }

    private ObjectVersion? ParseVersion(YamlTreeNode node, string key)
    {
        var text = RequiredScalar(node, key);
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

    private string? ValidTypeName(string wireName, string csharpName, YamlTreeNode at, string hint)
    {
        if (!Naming.IsValidIdentifier(csharpName) || Naming.IsValidTypeName(csharpName))
        {
            return ValidIdentifier(wireName, csharpName, at, hint);
        }

        Report(DiagnosticDescriptors.InvalidIdentifier, at, wireName, csharpName, ": a type name of lower case letters only is reserved by C# for keywords such as 'required', 'file' and 'record'" + hint);
        return null;
    }

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
