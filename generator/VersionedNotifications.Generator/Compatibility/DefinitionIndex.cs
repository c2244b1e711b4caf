using System;
using System.Collections.Generic;
using System.Linq;
using VersionedNotifications.Generator.Model;

namespace VersionedNotifications.Generator.Compatibility;

/// <summary>The objects, enums and event types of all definitions files, by qualified name (<c>ironic.NodePayload</c>).</summary>
internal sealed class DefinitionIndex
{
    public DefinitionIndex(IEnumerable<DefinitionFile> files)
    {
        foreach (var file in files.Where(f => f.WireNamespace is not null).OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            foreach (var definition in file.Objects)
            {
                var name = ShippedManifest.Qualify(file.WireNamespace!, definition.Name);
                if (!Objects.ContainsKey(name))
                {
                    Objects.Add(name, (definition, file.WireNamespace!));
                }
            }

            foreach (var definition in file.Enums)
            {
                var name = ShippedManifest.Qualify(file.WireNamespace!, definition.Name);
                if (!Enums.ContainsKey(name))
                {
                    Enums.Add(name, definition);
                }
            }

            foreach (var definition in file.Events)
            {
                if (!Events.ContainsKey(definition.Name))
                {
                    Events.Add(definition.Name, (definition, file.WireNamespace!));
                }
            }
        }
    }

    public Dictionary<string, (ObjectDefinition Definition, string WireNamespace)> Objects { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, EnumDefinition> Enums { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, (EventDefinition Definition, string WireNamespace)> Events { get; } = new(StringComparer.Ordinal);

    /// <summary>The qualified payload name of an event (<c>text</c> stays <c>text</c>).</summary>
    public static string PayloadOf(EventDefinition definition, string wireNamespace) =>
        definition.Payload == EventDefinition.TextPayload ? EventDefinition.TextPayload : ShippedManifest.Qualify(wireNamespace, definition.Payload);

    /// <summary>The objects <paramref name="name"/> is built on: its base and the objects its fields hold, by qualified name.</summary>
    public IEnumerable<string> Uses(string name)
    {
        var (definition, wireNamespace) = Objects[name];
        var used = new SortedSet<string>(StringComparer.Ordinal);
        if (definition.Extends is not null)
        {
            used.Add(ShippedManifest.Qualify(wireNamespace, definition.Extends));
        }

        foreach (var field in definition.Fields.Where(f => f.Removed is null))
        {
            var type = field.Type.Innermost;
            if (type.Kind == TypeKind.Named)
            {
                used.Add(ShippedManifest.Qualify(wireNamespace, type.Name!));
            }
        }

        return used.Where(Objects.ContainsKey);
    }

    /// <summary>Whether every object and enum name the fields of <paramref name="definition"/> use is defined.</summary>
    public bool ResolvesAllTypes(ObjectDefinition definition, string wireNamespace)
    {
        foreach (var field in definition.Fields)
        {
            var type = field.Type.Innermost;
            var qualified = type.Kind == TypeKind.Named ? ShippedManifest.Qualify(wireNamespace, type.Name!) : null;
            if (qualified is not null && !Objects.ContainsKey(qualified) && !Enums.ContainsKey(qualified))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="derived"/> is <paramref name="ancestor"/> or extends it, directly or not.</summary>
    public bool IsOrExtends(string derived, string ancestor)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var current = derived; current is not null && seen.Add(current);)
        {
            if (current == ancestor)
            {
                return true;
            }

            current = Objects.TryGetValue(current, out var entry) && entry.Definition.Extends is { } extends
                ? ShippedManifest.Qualify(entry.WireNamespace, extends)
                : null;
        }

        return false;
    }
}
