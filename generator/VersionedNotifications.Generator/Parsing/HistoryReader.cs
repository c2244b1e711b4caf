using System.Collections.Generic;
using VersionedNotifications.Generator.Diagnostics;
using VersionedNotifications.Generator.Model;

namespace VersionedNotifications.Generator.Parsing;

/// <summary>Reads an object's <c>history</c>: one entry per version, with the named exceptions to the microversion rule.</summary>
internal sealed class HistoryReader
{
    private static readonly string[] HistoryKeys = { "changes", "exceptions" };
    private static readonly string[] ExceptionKeys = { "name", "field", "kind", "reason", "was" };
    private static readonly string[] WasKeys = { "name", "type", "nullable", "default", "values" };

    private readonly ParseContext _context;

    public HistoryReader(ParseContext context) => _context = context;

    /// <summary>The history of <paramref name="what"/>, oldest first; it must end at the current <paramref name="version"/>.</summary>
    public EquatableArray<HistoryEntry> Read(MappingReader objectReader, string what, ObjectVersion version)
    {
        var history = new List<HistoryEntry>();
        ObjectVersion? previous = null;
        foreach (var entry in objectReader.Entries("history"))
        {
            if (_context.ReadVersion(entry.Key, "history") is not { } entryVersion)
            {
                continue;
            }

            if (previous is { } before && entryVersion <= before)
            {
                _context.Report(DiagnosticDescriptors.InvalidValue, entry.Key, "history", $"versions are listed oldest first; {entryVersion} comes after {before}");
            }

            previous = entryVersion;
            string? changes;
            var exceptions = EquatableArray<VersionException>.Empty;
            if (entry.Value is YamlTreeMapping)
            {
                var reader = MappingReader.Create(_context, entry.Value, $"version {entryVersion} of {what}", HistoryKeys);
                changes = reader?.RequiredString("changes", $"Version {entryVersion} of {what}");
                exceptions = reader is null ? exceptions : ReadExceptions(reader, entryVersion, what);
            }
            else
            {
                changes = _context.ScalarText(entry.Value, "history");
            }

            if (changes is null)
            {
                _context.Report(DiagnosticDescriptors.InvalidValue, entry.Value, "history", $"say what changed in version {entryVersion}");
                continue;
            }

            history.Add(new HistoryEntry(entryVersion, _context.LocationOf(entry.Key), changes, exceptions));
        }

        if (previous is { } last && last != version && objectReader.TryGet("history", out var historyKey, out _))
        {
            _context.Report(DiagnosticDescriptors.InvalidValue, historyKey, "history", $"the history of {what} ends at {last}, but its version is {version}; add a line for {version}");
        }

        return history.ToEquatableArray();
    }

    private EquatableArray<VersionException> ReadExceptions(MappingReader historyReader, ObjectVersion version, string objectWhat)
    {
        if (!historyReader.TryGet("exceptions", out _, out var node))
        {
            return EquatableArray<VersionException>.Empty;
        }

        if (node is not YamlTreeSequence sequence)
        {
            _context.Report(DiagnosticDescriptors.InvalidValue, node, "exceptions", $"expected a list of exceptions, found {node.Kind}");
            return EquatableArray<VersionException>.Empty;
        }

        if (version.Minor == 0)
        {
            _context.Report(DiagnosticDescriptors.InvalidValue, node, "exceptions", $"version {version} is a major version, which may change anything; exceptions belong to minor versions");
            return EquatableArray<VersionException>.Empty;
        }

        var exceptions = new List<VersionException>();
        foreach (var item in sequence.Items)
        {
            if (ReadException(item, $"an exception at version {version} of {objectWhat}") is { } exception)
            {
                exceptions.Add(exception);
            }
        }

        return exceptions.ToEquatableArray();
    }

    private VersionException? ReadException(YamlTreeNode item, string what)
    {
        var reader = MappingReader.Create(_context, item, what, ExceptionKeys);
        if (reader is null)
        {
            return null;
        }

        var name = reader.RequiredString("name", "An exception");
        var field = reader.RequiredString("field", "An exception");
        var kindText = reader.RequiredString("kind", "An exception");
        var reason = reader.RequiredString("reason", "An exception");
        ExceptionKind? kind = kindText switch
        {
            null => null,
            "type" => ExceptionKind.Type,
            "nullability" => ExceptionKind.Nullability,
            "default" => ExceptionKind.Default,
            "removed" => ExceptionKind.Removed,
            "renamed" => ExceptionKind.Renamed,
            "enum_values" => ExceptionKind.EnumValues,
            _ => null,
        };
        if (kindText is not null && kind is null && reader.TryGet("kind", out _, out var kindNode))
        {
            _context.Report(DiagnosticDescriptors.InvalidValue, kindNode, "kind", $"'{kindText}' is not one of type, nullability, default, removed, renamed, enum_values");
        }

        var was = reader.TryGet("was", out _, out var wasNode) ? ReadPreviousField(wasNode, what) : null;
        if (name is null || field is null || kind is null || reason is null || !reader.TryGet("field", out _, out var fieldNode))
        {
            return null;
        }

        return new VersionException(name, _context.LocationOf(item), field, _context.LocationOf(fieldNode), kind.Value, reason, was);
    }

    private PreviousField? ReadPreviousField(YamlTreeNode node, string what)
    {
        var reader = MappingReader.Create(_context, node, "'was' of " + what, WasKeys);
        if (reader is null)
        {
            return null;
        }

        var type = reader.TryGet("type", out _, out var typeNode) ? _context.ReadType(typeNode) : null;
        var defaultValue = reader.TryGet("default", out _, out var defaultNode) ? LiteralReader.Read(defaultNode) : null;
        var values = new List<string>();
        if (reader.TryGet("values", out _, out var valuesNode))
        {
            if (valuesNode is YamlTreeSequence sequence)
            {
                foreach (var item in sequence.Items)
                {
                    if (_context.RequiredScalar(item, "values") is { } value)
                    {
                        values.Add(value);
                    }
                }
            }
            else
            {
                _context.Report(DiagnosticDescriptors.InvalidValue, valuesNode, "values", "expected the list of values the enum had");
            }
        }

        return new PreviousField(reader.OptionalString("name"), type, reader.OptionalBoolean("nullable"), defaultValue, values.ToEquatableArray());
    }
}
