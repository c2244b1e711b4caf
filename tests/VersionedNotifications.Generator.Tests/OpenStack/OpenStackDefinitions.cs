using VersionedNotifications.Generator.Compatibility;
using VersionedNotifications.Generator.Model;
using VersionedNotifications.Generator.Parsing;
using VersionedNotifications.Generator.Tests.Infrastructure;

namespace VersionedNotifications.Generator.Tests.OpenStack;

/// <summary>The checked-in definitions of one OpenStack service (definitions/&lt;service&gt;), read with the generator's own parser.</summary>
internal sealed class OpenStackDefinitions
{
    private OpenStackDefinitions(string service)
    {
        Objects = Directory
            .EnumerateFiles(Repository.PathOf("definitions", service), "*.yaml")
            .Select(path => DefinitionParser.Parse(path, File.ReadAllText(path)).Value)
            .SelectMany(file => file.Objects)
            .ToDictionary(o => o.Name, StringComparer.Ordinal);
    }

    public static OpenStackDefinitions Ironic { get; } = new("ironic");

    public static OpenStackDefinitions Glance { get; } = new("glance");

    public IReadOnlyDictionary<string, ObjectDefinition> Objects { get; }

    /// <summary>The fields an object sends at its current version, by wire name: its bases' first, then its own.</summary>
    public Dictionary<string, FieldDefinition> WireFields(string objectName)
    {
        var definition = Objects[objectName];
        var fields = definition.Extends is { } extends ? WireFields(extends) : new Dictionary<string, FieldDefinition>(StringComparer.Ordinal);
        var wire = HistoryReplay.FieldsAt(definition, definition.Version);
        foreach (var field in definition.Fields.Where(f => wire.ContainsKey(f.Name)))
        {
            fields[field.Name] = field;
        }

        return fields;
    }
}
