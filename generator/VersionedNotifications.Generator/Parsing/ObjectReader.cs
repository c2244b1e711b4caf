using System.Collections.Generic;
using System.Linq;
using VersionedNotifications.Generator.Diagnostics;
using VersionedNotifications.Generator.Model;

namespace VersionedNotifications.Generator.Parsing;

/// <summary>Reads the <c>objects</c> of a file: each object's keys, then its history and its fields.</summary>
internal sealed class ObjectReader
{
    private static readonly string[] ObjectKeys =
    {
        "version", "first_version", "description", "versioned", "sparse", "extends", "base_versions", "csharp_name", "fields", "history",
    };

    private readonly ParseContext _context;
    private readonly FieldReader _fields;
    private readonly HistoryReader _history;
    private readonly VersionMappingReader _mappings;

    public ObjectReader(ParseContext context, FieldReader fields, HistoryReader history, VersionMappingReader mappings)
    {
        _context = context;
        _fields = fields;
        _history = history;
        _mappings = mappings;
    }

    public EquatableArray<ObjectDefinition> ReadAll(MappingReader root)
    {
        var objects = new List<ObjectDefinition>();
        foreach (var entry in root.Entries("objects"))
        {
            if (Read(entry.Key, entry.Value) is { } definition)
            {
                objects.Add(definition);
            }
            else
            {
                _context.MarkUnread(entry.Key.Value);
            }
        }

        return objects.ToEquatableArray();
    }

    private ObjectDefinition? Read(YamlTreeScalar nameNode, YamlTreeNode node)
    {
        var name = nameNode.Value;
        var what = $"object '{name}'";
        var reader = MappingReader.Create(_context, node, what, ObjectKeys);
        if (reader is null)
        {
            return null;
        }

        var csharpName = _context.ValidTypeName(name, reader.OptionalString("csharp_name") ?? Naming.ToPascalCase(name), nameNode, "; give the object a csharp_name");
        var isVersioned = reader.OptionalBoolean("versioned") ?? true;

        ObjectVersion? version;
        var versionLocation = _context.LocationOf(nameNode);
        if (reader.TryGet("version", out _, out var versionNode))
        {
            version = _context.ReadVersion(versionNode, "version");
            versionLocation = _context.LocationOf(versionNode);
        }
        else if (isVersioned)
        {
            _context.Report(DiagnosticDescriptors.MissingKey, nameNode, $"Versioned {what}", "version");
            version = null;
        }
        else
        {
            version = new ObjectVersion(1, 0);
        }

        string? extends = null;
        LocationInfo? extendsLocation = null;
        if (reader.TryGet("extends", out _, out var extendsNode))
        {
            extends = _context.RequiredScalar(extendsNode, "extends");
            extendsLocation = _context.LocationOf(extendsNode);
        }

        if (csharpName is null || version is null)
        {
            return null;
        }

        var history = _history.Read(reader, what, version.Value);
        var firstVersion = ReadFirstVersion(reader, what, version.Value, history);
        var isSparse = reader.OptionalBoolean("sparse") ?? false;
        var owner = new FieldOwner(what, version.Value, firstVersion, isSparse, history.Select(h => h.Version).ToList());
        var fields = _fields.ReadAll(reader, owner);
        return new ObjectDefinition(name, _context.LocationOf(nameNode), csharpName, version.Value, versionLocation, reader.OptionalString("description"), isVersioned, extends, extendsLocation, fields, history)
        {
            FirstVersion = firstVersion,
            IsSparse = isSparse,
            BaseVersions = ReadBaseVersions(reader, owner, extends),
        };
    }

    /// <summary>
    /// <c>first_version</c>, which the history must start with; without it, <c>&lt;major&gt;.0</c> of the first
    /// history entry, or of the current version when there is no history.
    /// </summary>
    private ObjectVersion ReadFirstVersion(MappingReader reader, string what, ObjectVersion version, EquatableArray<HistoryEntry> history)
    {
        var implied = new ObjectVersion(history.IsEmpty ? version.Major : history[0].Version.Major, 0);
        if (!reader.TryGet("first_version", out _, out var node) || _context.ReadVersion(node, "first_version") is not { } first)
        {
            return implied;
        }

        if (first > version)
        {
            _context.Report(DiagnosticDescriptors.InvalidValue, node, "first_version", $"{what} starts at {first}, later than its version {version}");
            return implied;
        }

        if (!history.IsEmpty && history[0].Version != first)
        {
            _context.Report(DiagnosticDescriptors.InvalidValue, history[0].Location, "history", $"the history of {what} starts at {history[0].Version}, but its first_version is {first}; start the history at \"{first}\"");
        }

        return first;
    }

    private EquatableArray<VersionMapping> ReadBaseVersions(MappingReader reader, FieldOwner owner, string? extends)
    {
        if (!reader.TryGet("base_versions", out var key, out var node))
        {
            return EquatableArray<VersionMapping>.Empty;
        }

        if (extends is null)
        {
            _context.Report(DiagnosticDescriptors.InvalidValue, key, "base_versions", $"{owner.What} extends no object, so it has no base versions; add 'extends', or remove base_versions");
            return EquatableArray<VersionMapping>.Empty;
        }

        return _mappings.Read(node, "base_versions", owner.What, owner.FirstVersion, $"{owner.What} starts at {owner.FirstVersion}", owner.HasVersion);
    }
}
