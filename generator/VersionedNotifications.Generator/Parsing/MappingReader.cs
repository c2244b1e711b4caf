using System;
using System.Collections.Generic;
using VersionedNotifications.Generator.Diagnostics;

namespace VersionedNotifications.Generator.Parsing;

/// <summary>
/// The keys of one YAML mapping, checked against the keys its context allows: unknown keys and
/// duplicates are reported where they are written, and the rest are handed out by name.
/// </summary>
internal sealed class MappingReader
{
    private readonly Dictionary<string, KeyValuePair<YamlTreeScalar, YamlTreeNode>> _entries = new(StringComparer.Ordinal);

    private MappingReader(YamlTreeMapping mapping, string context)
    {
        Mapping = mapping;
        Context = context;
    }

    public YamlTreeMapping Mapping { get; }

    /// <summary>What the mapping is, for messages: "object 'NodePayload'".</summary>
    public string Context { get; }

    /// <summary>
    /// Reads <paramref name="node"/> as a mapping allowing <paramref name="allowedKeys"/>;
    /// null (with a diagnostic) when it is not a mapping.
    /// </summary>
    public static MappingReader? Create(DefinitionParser parser, YamlTreeNode node, string context, params string[] allowedKeys)
    {
        if (node is not YamlTreeMapping mapping)
        {
            parser.Report(DiagnosticDescriptors.InvalidValue, node, context, $"expected a mapping of keys, found {node.Kind}");
            return null;
        }

        var reader = new MappingReader(mapping, context);
        foreach (var entry in mapping.Entries)
        {
            var key = entry.Key.Value;
            if (Array.IndexOf(allowedKeys, key) < 0)
            {
                parser.Report(DiagnosticDescriptors.UnknownKey, entry.Key, key, context, Suggest(key, allowedKeys));
            }
            else if (reader._entries.ContainsKey(key))
            {
                parser.Report(DiagnosticDescriptors.DuplicateName, entry.Key, "Key", key, " in " + context);
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

    private static string Suggest(string key, string[] allowedKeys)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in allowedKeys)
        {
            var distance = Distance(key, candidate);
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        var hint = best is not null && bestDistance <= Math.Max(2, key.Length / 3) ? $"; did you mean '{best}'?" : string.Empty;
        return hint + " (allowed: " + string.Join(", ", allowedKeys) + ")";
    }

    /// <summary>Levenshtein distance, for "did you mean" hints on misspelled keys.</summary>
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
