using System;
using System.Collections.Generic;
using VersionedNotifications.Generator.Diagnostics;

namespace VersionedNotifications.Generator.Parsing;

/// <summary>
/// The keys of one YAML mapping, checked against the keys its context allows: unknown keys and
/// duplicates are reported where they are written, and the rest are handed out by name, as single
/// values or as named entries.
/// </summary>
internal sealed class MappingReader
{
    private readonly Dictionary<string, KeyValuePair<YamlTreeScalar, YamlTreeNode>> _entries = new(StringComparer.Ordinal);
    private readonly ParseContext _context;

    private MappingReader(ParseContext context, YamlTreeMapping mapping)
    {
        _context = context;
        Mapping = mapping;
    }

    public YamlTreeMapping Mapping { get; }

    /// <summary>
    /// Reads <paramref name="node"/> as a mapping allowing <paramref name="allowedKeys"/>; <paramref name="what"/> names
    /// it in messages ("object 'NodePayload'"). Null (with a diagnostic) when it is not a mapping.
    /// </summary>
    public static MappingReader? Create(ParseContext context, YamlTreeNode node, string what, params string[] allowedKeys)
    {
        if (node is not YamlTreeMapping mapping)
        {
            context.Report(DiagnosticDescriptors.InvalidValue, node, what, $"expected a mapping of keys, found {node.Kind}");
            return null;
        }

        var reader = new MappingReader(context, mapping);
        foreach (var entry in mapping.Entries)
        {
            var key = entry.Key.Value;
            if (Array.IndexOf(allowedKeys, key) < 0)
            {
                var hint = NameSuggestions.Hint(key, allowedKeys) + " (allowed: " + string.Join(", ", allowedKeys) + ")";
                context.Report(DiagnosticDescriptors.UnknownKey, entry.Key, key, what, hint);
            }
            else if (reader._entries.ContainsKey(key))
            {
                context.Report(DiagnosticDescriptors.DuplicateName, entry.Key, "Key", key, " in " + what);
            }
            else
            {
                reader._entries.Add(key, entry);
            }
        }

        return reader;
    }

    public bool TryGet(string key, out YamlTreeScalar keyNode, out YamlTreeNode value)
    {
        if (_entries.TryGetValue(key, out var entry))
        {
            keyNode = entry.Key;
            value = entry.Value;
            return true;
        }

        keyNode = null!;
        value = null!;
        return false;
    }

    public bool Has(string key) => _entries.ContainsKey(key);

    /// <summary>The value of <paramref name="key"/>, which <paramref name="owner"/> must have ("A definitions file").</summary>
    public string? RequiredString(string key, string owner)
    {
        if (!TryGet(key, out _, out var node))
        {
            _context.Report(DiagnosticDescriptors.MissingKey, Mapping, owner, key);
            return null;
        }

        return _context.RequiredScalar(node, key);
    }

    public string? OptionalString(string key) =>
        TryGet(key, out _, out var node) ? _context.ScalarText(node, key) : null;

    /// <summary>An unquoted <c>true</c> or <c>false</c>; null when the key is absent or (reported) holds anything else.</summary>
    public bool? OptionalBoolean(string key)
    {
        if (!TryGet(key, out _, out var node))
        {
            return null;
        }

        // Booleans are YAML booleans: a quoted "true" is a string, here as in a default.
        var isPlain = node is YamlTreeScalar { IsPlain: true };
        switch (_context.RequiredScalar(node, key))
        {
            case "true" or "True" or "TRUE" when isPlain:
                return true;
            case "false" or "False" or "FALSE" when isPlain:
                return false;
            case { } other:
                _context.Report(DiagnosticDescriptors.InvalidValue, node, key, $"expected true or false (unquoted), found '{other}'");
                return null;
            default:
                return null;
        }
    }

    /// <summary>
    /// The entries of the mapping under <paramref name="key"/> (objects, fields, history, ...), in file order;
    /// a name written twice is reported and only its first entry given.
    /// </summary>
    public IEnumerable<KeyValuePair<YamlTreeScalar, YamlTreeNode>> Entries(string key)
    {
        if (!TryGet(key, out _, out var node) || (node is YamlTreeScalar scalar && scalar.IsNull))
        {
            yield break;
        }

        if (node is not YamlTreeMapping mapping)
        {
            _context.Report(DiagnosticDescriptors.InvalidValue, node, key, $"expected a mapping of names to definitions, found {node.Kind}");
            yield break;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in mapping.Entries)
        {
            _context.CancellationToken.ThrowIfCancellationRequested();
            if (!seen.Add(entry.Key.Value))
            {
                _context.Report(DiagnosticDescriptors.DuplicateName, entry.Key, Singular(key), entry.Key.Value, " in this file");
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
}
