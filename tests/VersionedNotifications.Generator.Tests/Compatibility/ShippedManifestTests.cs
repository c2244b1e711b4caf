using VersionedNotifications.Generator.Compatibility;
using VersionedNotifications.Generator.Model;
using VersionedNotifications.Generator.Tests.Diagnostics;
using VersionedNotifications.Generator.Tests.Infrastructure;
using static VersionedNotifications.Generator.Tests.Compatibility.CompatibilityHarness;

namespace VersionedNotifications.Generator.Tests.Compatibility;

/// <summary>The manifest file: sorted, stable, read back as written, and never rewritten for what has shipped.</summary>
public sealed class ShippedManifestTests
{
    private static readonly Definition[] Fixtures = GeneratorHarness.Fixtures().Select(f => new Definition(f.Path, f.Text)).ToArray();

    [Fact]
    public void Writing_what_was_read_gives_the_same_text()
    {
        var text = Ship(null, Fixtures);
        var manifest = ShippedManifest.Parse(ManifestPath, text);

        Assert.Empty(manifest.Errors);
        Assert.Equal(text, manifest.Write());
        Assert.Equal(text, Ship(text, Fixtures));
    }

    [Fact]
    public void Manifest_records_fields_defaults_values_uses_events_and_enum_values()
    {
        var lines = Ship(null, Fixtures).Split('\n');

        Assert.StartsWith("# VersionedNotifications shipped manifest", lines[0], StringComparison.Ordinal);
        Assert.Contains("object ironic.NodePayload@1.0", lines);
        Assert.Contains("field ironic.NodePayload@1.0 network_interface string", lines);
        Assert.Contains("field ironic.NodePayload@1.3 traits list<string>?", lines);
        Assert.Contains("field ironic.PortCRUDPayload@1.3 extra dict<string?>", lines);
        Assert.Contains("default ironic.PortCRUDPayload@1.3 extra {}", lines);
        Assert.Contains("value ironic.NodePayload@1.3 fault clean failure", lines);
        Assert.Contains("uses ironic.NodeSetPowerStatePayload@1.3 ironic.NodePayload@1.3", lines);
        Assert.Contains("enumvalue ironic.PowerState power on", lines);
        Assert.Contains("event baremetal.node.power_set.error ironic.NodeSetPowerStatePayload error", lines);
        Assert.Contains("event image.delete text info", lines);
        Assert.Equal(lines.Where(l => l.StartsWith("event ", StringComparison.Ordinal)).Order(StringComparer.Ordinal), lines.Where(l => l.StartsWith("event ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Shipping_again_keeps_shipped_versions_as_they_were()
    {
        var first = Ship(null, Fixtures);
        var tampered = Fixtures.Select(f => f with { Text = f.Text.Replace("traits:\n        type: list<string>", "traits:\n        type: list<integer>") }).ToArray();

        var second = ShippedManifest.Parse(ManifestPath, Ship(first, tampered));

        Assert.True(ObjectVersion.TryParse("1.3", out var version));
        Assert.Equal("list<string>", second.Find("ironic.NodePayload", version)!.Fields["traits"].Type);
    }

    [Fact]
    public void Values_with_line_breaks_and_backslashes_survive_the_round_trip()
    {
        var definition = Definition.Of("/defs/odd.yaml", """
            namespace: odd
            csharp_namespace: Odd
            objects:
              Thing:
                version: "1.0"
                fields:
                  mode: { type: enum, values: [{ value: "a\\b", csharp_name: Slash }, { value: "two\nlines", csharp_name: Two }] }
                  note: { type: string, default: "x\ny" }
                history:
                  "1.0": Initial version.
            """);
        var text = Ship(null, definition);
        var field = ShippedManifest.Parse(ManifestPath, text).Objects["odd.Thing"].Values.Single().Fields;

        Assert.Equal(["a\\b", "two\nlines"], field["mode"].EnumValues);
        Assert.Equal("\"x\\ny\"", field["note"].DefaultJson);
        Only(Analyze(text, definition));
    }
}
