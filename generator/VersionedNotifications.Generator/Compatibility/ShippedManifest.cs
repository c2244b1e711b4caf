using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.Text;
using VersionedNotifications.Generator.Model;

namespace VersionedNotifications.Generator.Compatibility;

/// <summary>
/// The shipped manifest: what consumers have seen. One line per fact, sorted, so that a diff shows
/// exactly what a release shipped (as PublicAPI.Shipped.txt does for C# APIs):
/// <code>
/// object ironic.NodePayload@1.16
/// field ironic.NodePayload@1.16 name string?
/// default ironic.NodePayload@1.16 maintenance false
/// value ironic.NodePayload@1.16 fault power failure
/// uses ironic.NodeSetPowerStatePayload@1.16 ironic.NodePayload@1.16
/// enumvalue ironic.PowerState power on
/// event baremetal.node.power_set.start ironic.NodeSetPowerStatePayload info
/// </code>
/// Written by <c>vnotify ship</c>; read by the compatibility analyzer as an AdditionalFile.
/// </summary>
internal sealed class ShippedManifest
{
    public const string FileName = "VersionedNotifications.Shipped.txt";

    private const string Header = "# VersionedNotifications shipped manifest: what consumers have seen. Written by `vnotify ship`; do not edit by hand.";

    public ShippedManifest(string path, string text = "")
    {
        Path = path;
        _text = SourceText.From(text);
    }

    private readonly SourceText _text;

    public string Path { get; }

    /// <summary>The place of a 1-based line of the manifest, for diagnostics.</summary>
    public LocationInfo LocationOfLine(int line)
    {
        if (_text.Lines.Count == 0 || line < 1 || line > _text.Lines.Count)
        {
            return LocationInfo.StartOf(Path);
        }

        var span = _text.Lines[line - 1].Span;
        return new LocationInfo(Path, span, _text.Lines.GetLinePositionSpan(span));
    }

    /// <summary>Shipped versions by qualified object name (<c>ironic.NodePayload</c>).</summary>
    public Dictionary<string, SortedDictionary<ObjectVersion, ShippedVersion>> Objects { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, ShippedEvent> Events { get; } = new(StringComparer.Ordinal);

    /// <summary>Shipped values of named enums, by qualified enum name.</summary>
    public Dictionary<string, SortedDictionary<string, int>> EnumValues { get; } = new(StringComparer.Ordinal);

    /// <summary>Lines that could not be read, with the reason.</summary>
    public List<(int Line, string Reason)> Errors { get; } = new();

    public static string Qualify(string wireNamespace, string name) => wireNamespace + "." + name;

    public ShippedVersion? Find(string qualifiedName, ObjectVersion version) =>
        Objects.TryGetValue(qualifiedName, out var versions) && versions.TryGetValue(version, out var shipped) ? shipped : null;

    public static ShippedManifest Parse(string path, string text)
    {
        var manifest = new ShippedManifest(path, text);
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd();
            if (line.Length == 0 || line.StartsWith("#", StringComparison.Ordinal))
            {
                continue;
            }

            var error = manifest.ReadLine(line, i + 1);
            if (error is not null)
            {
                manifest.Errors.Add((i + 1, error));
            }
        }

        return manifest;
    }

    private string? ReadLine(string line, int number)
    {
        var parts = line.Split(new[] { ' ' }, 4);
        switch (parts[0])
        {
            case "object" when parts.Length == 2 && TryObjectVersion(parts[1], out var name, out var version):
                Version(name, version, number);
                return null;
            case "field" when parts.Length == 4 && TryObjectVersion(parts[1], out var name, out var version) && !parts[3].Contains(" "):
                var type = parts[3];
                var nullable = type.EndsWith("?", StringComparison.Ordinal);
                Version(name, version, number).Fields[parts[2]] = new FieldShape(parts[2], nullable ? type.Substring(0, type.Length - 1) : type, nullable, null, EquatableArray<string>.Empty);
                return null;
            case "default" when parts.Length == 4 && TryObjectVersion(parts[1], out var name, out var version) && Field(name, version, parts[2]) is { } field:
                Version(name, version, number).Fields[parts[2]] = field with { DefaultJson = Unescape(parts[3]) };
                return null;
            case "value" when parts.Length == 4 && TryObjectVersion(parts[1], out var name, out var version) && Field(name, version, parts[2]) is { } field:
                Version(name, version, number).Fields[parts[2]] = field with { EnumValues = field.EnumValues.Concat(new[] { Unescape(parts[3]) }).ToEquatableArray() };
                return null;
            case "uses" when parts.Length == 3 && TryObjectVersion(parts[1], out var name, out var version) && TryObjectVersion(parts[2], out var used, out var usedVersion):
                Version(name, version, number).Uses[used] = usedVersion;
                return null;
            case "enumvalue" when parts.Length >= 3:
                var value = Unescape(line.Substring(parts[0].Length + parts[1].Length + 2));
                if (!EnumValues.TryGetValue(parts[1], out var values))
                {
                    values = new SortedDictionary<string, int>(StringComparer.Ordinal);
                    EnumValues.Add(parts[1], values);
                }

                values[value] = number;
                return null;
            case "event" when parts.Length == 4 && TryPriority(parts[3], out var priority):
                Events[parts[1]] = new ShippedEvent(parts[1], parts[2], priority, number);
                return null;
            default:
                return "expected 'object', 'field', 'default', 'value', 'uses', 'enumvalue' or 'event' followed by its parts (a 'default' or 'value' line comes after the 'field' line it belongs to)";
        }
    }

    private ShippedVersion Version(string name, ObjectVersion version, int line)
    {
        if (!Objects.TryGetValue(name, out var versions))
        {
            versions = new SortedDictionary<ObjectVersion, ShippedVersion>();
            Objects.Add(name, versions);
        }

        if (!versions.TryGetValue(version, out var shipped))
        {
            shipped = new ShippedVersion(line);
            versions.Add(version, shipped);
        }

        return shipped;
    }

    private FieldShape? Field(string name, ObjectVersion version, string field) =>
        Find(name, version) is { } shipped && shipped.Fields.TryGetValue(field, out var shape) ? shape : null;

    private static bool TryObjectVersion(string text, out string name, out ObjectVersion version)
    {
        var at = text.LastIndexOf('@');
        name = at > 0 ? text.Substring(0, at) : string.Empty;
        version = default;
        return at > 0 && ObjectVersion.TryParse(text.Substring(at + 1), out version);
    }

    private static bool TryPriority(string text, out Priority priority)
    {
        foreach (Priority candidate in Enum.GetValues(typeof(Priority)))
        {
            if (string.Equals(candidate.ToString(), text, StringComparison.OrdinalIgnoreCase))
            {
                priority = candidate;
                return true;
            }
        }

        priority = default;
        return false;
    }

    /// <summary>The manifest as text: the header, then every line sorted ordinally.</summary>
    public string Write()
    {
        var lines = new List<string>();
        foreach (var pair in Objects)
        {
            foreach (var version in pair.Value)
            {
                var key = pair.Key + "@" + version.Key;
                lines.Add("object " + key);
                foreach (var field in version.Value.Fields.Values)
                {
                    lines.Add($"field {key} {field.Name} {field.Type}{(field.IsNullable ? "?" : string.Empty)}");
                    if (field.DefaultJson is not null)
                    {
                        lines.Add($"default {key} {field.Name} {Escape(field.DefaultJson)}");
                    }

                    lines.AddRange(field.EnumValues.Select(v => $"value {key} {field.Name} {Escape(v)}"));
                }

                lines.AddRange(version.Value.Uses.Select(u => $"uses {key} {u.Key}@{u.Value}"));
            }
        }

        lines.AddRange(EnumValues.SelectMany(e => e.Value.Keys.Select(v => $"enumvalue {e.Key} {Escape(v)}")));
        lines.AddRange(Events.Values.Select(e => $"event {e.Name} {e.Payload} {e.Priority.ToString().ToLowerInvariant()}"));

        // Each object version's lines stay together, its 'default' and 'value' lines after all of
        // its 'field' lines, as Parse needs them.
        var builder = new StringBuilder(Header).Append('\n');
        foreach (var line in lines.OrderBy(l => SortKey(l), StringComparer.Ordinal))
        {
            builder.Append(line).Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>Groups each object version's lines together: object, fields, defaults, values, uses.</summary>
    private static string SortKey(string line)
    {
        var parts = line.Split(new[] { ' ' }, 3);
        var rank = parts[0] switch { "object" => "0", "field" => "1", "default" => "2", "value" => "3", "uses" => "4", _ => "9" };
        return parts[0] is "enumvalue" or "event" ? "~" + line : parts[1] + " " + rank + " " + (parts.Length > 2 ? parts[2] : string.Empty);
    }

    private static string Escape(string value) => value.Replace("\\", "\\\\").Replace("\n", "\\n").Replace("\r", "\\r");

    private static string Unescape(string value)
    {
        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length)
            {
                i++;
                builder.Append(value[i] switch { 'n' => '\n', 'r' => '\r', _ => value[i] });
            }
            else
            {
                builder.Append(value[i]);
            }
        }

        return builder.ToString();
    }
}

/// <summary>One shipped version of an object: its field set and the versions of the objects it used.</summary>
internal sealed class ShippedVersion
{
    public ShippedVersion(int line) => Line = line;

    /// <summary>The manifest line that first mentions this version.</summary>
    public int Line { get; }

    public Dictionary<string, FieldShape> Fields { get; } = new(StringComparer.Ordinal);

    /// <summary>The base and nested objects this version was shipped with, by qualified name.</summary>
    public Dictionary<string, ObjectVersion> Uses { get; } = new(StringComparer.Ordinal);
}

/// <summary>One shipped event type: its payload (qualified object name, or <c>text</c>) and priority.</summary>
internal sealed record ShippedEvent(string Name, string Payload, Priority Priority, int Line);
