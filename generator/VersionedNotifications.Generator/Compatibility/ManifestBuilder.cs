using System.Collections.Generic;
using System.Linq;
using VersionedNotifications.Generator.Model;

namespace VersionedNotifications.Generator.Compatibility;

/// <summary>
/// Marks what the definitions hold as shipped (<c>vnotify ship</c>): versions already in the manifest
/// are kept exactly as they were; versions not in it are added from the replayed history; the event
/// types and enum values become the current ones.
/// </summary>
internal static class ManifestBuilder
{
    public static ShippedManifest Ship(ShippedManifest? existing, IEnumerable<DefinitionFile> files, string path)
    {
        var index = new DefinitionIndex(files);
        var manifest = existing is null ? new ShippedManifest(path) : ShippedManifest.Parse(path, existing.Write());
        manifest.Events.Clear();
        manifest.EnumValues.Clear();

        foreach (var pair in index.Objects)
        {
            var definition = pair.Value.Definition;
            if (!manifest.Objects.TryGetValue(pair.Key, out var versions))
            {
                versions = new SortedDictionary<ObjectVersion, ShippedVersion>();
                manifest.Objects.Add(pair.Key, versions);
            }

            foreach (var version in HistoryReplay.Versions(definition).Where(v => !versions.ContainsKey(v)))
            {
                var shipped = new ShippedVersion(line: 0);
                foreach (var field in HistoryReplay.FieldsAt(definition, version).Values)
                {
                    shipped.Fields[field.Name] = field;
                }

                // What a version was built on is known for the version being released now only.
                if (version == definition.Version)
                {
                    foreach (var used in index.Uses(pair.Key))
                    {
                        shipped.Uses[used] = index.Objects[used].Definition.Version;
                    }
                }

                versions.Add(version, shipped);
            }
        }

        foreach (var pair in index.Enums)
        {
            manifest.EnumValues[pair.Key] = new SortedDictionary<string, int>(pair.Value.Members.Where(m => !m.IsRepeat).ToDictionary(m => m.Value, _ => 0), System.StringComparer.Ordinal);
        }

        foreach (var pair in index.Events)
        {
            manifest.Events[pair.Key] = new ShippedEvent(pair.Key, DefinitionIndex.PayloadOf(pair.Value.Definition, pair.Value.WireNamespace), pair.Value.Definition.Priority, 0);
        }

        return ShippedManifest.Parse(path, manifest.Write());
    }
}
