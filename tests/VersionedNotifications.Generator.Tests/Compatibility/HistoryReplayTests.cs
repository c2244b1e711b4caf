using System.Globalization;
using VersionedNotifications.Generator.Compatibility;
using VersionedNotifications.Generator.Model;
using VersionedNotifications.Generator.Parsing;
using VersionedNotifications.Generator.Tests.Diagnostics;
using VersionedNotifications.Generator.Tests.Infrastructure;
using static VersionedNotifications.Generator.Tests.Compatibility.CompatibilityHarness;

namespace VersionedNotifications.Generator.Tests.Compatibility;

/// <summary>
/// The history of the fixture NodePayload (1.0 to 1.3, with ironic's two rule-breaking minor bumps
/// recorded as exceptions) replays version by version, ships, and passes the checker; removing an
/// exception makes the checker fail at exactly that version.
/// </summary>
public sealed class HistoryReplayTests
{
    private static readonly Definition Node = Fixture("ironic/node.yaml");
    private static readonly Definition Port = Fixture("ironic/port.yaml");

    private static Definition Fixture(string name) =>
        new("/defs/" + name, GeneratorHarness.Fixtures().Single(f => f.Path.EndsWith(name, StringComparison.Ordinal)).Text);

    private static ObjectDefinition NodePayload() =>
        DefinitionParser.Parse(Node.Path, Node.Text).Value.Objects.Single(o => o.Name == "NodePayload");

    [Fact]
    public void Every_version_can_be_listed_with_its_fields()
    {
        var node = NodePayload();
        Assert.Equal(["1.0", "1.1", "1.2", "1.3"], HistoryReplay.Versions(node).Select(v => v.ToString()));

        string Shape(string version, string field) =>
            ObjectVersion.TryParse(version, out var v) && HistoryReplay.FieldsAt(node, v).TryGetValue(field, out var shape) ? shape.Describe() : "absent";

        Assert.Equal("string", Shape("1.0", "network_interface"));
        Assert.Equal("string?", Shape("1.1", "network_interface"));
        Assert.Equal("boolean = false", Shape("1.1", "console_enabled"));
        Assert.Equal("boolean? = false", Shape("1.2", "console_enabled"));
        Assert.Equal("absent", Shape("1.2", "traits"));
        Assert.Equal("list<string>?", Shape("1.3", "traits"));
        Assert.Equal("enum[power failure, clean failure, rescue abort failure]?", Shape("1.3", "fault"));
        Assert.Equal(8, HistoryReplay.FieldsAt(node, new ObjectVersion(1, 0)).Count);
        Assert.Equal(10, HistoryReplay.FieldsAt(node, new ObjectVersion(1, 3)).Count);
    }

    [Fact]
    public void The_recorded_history_ships_and_passes_with_no_error()
    {
        Only(Analyze(null, Node, Port));
        var shipped = Ship(null, Node, Port);
        Only(Analyze(shipped, Node, Port));
    }

    [Fact]
    public void Removing_the_recorded_exceptions_fails_at_exactly_the_versions_that_broke_the_rule()
    {
        var shipped = Ship(null, Node, Port);
        var withoutExceptions = new Definition(Node.Path, CompatibilityHarness.RemoveExceptions(Node.Text));

        var diagnostics = Analyze(shipped, withoutExceptions, Port).Where(d => d.Id == "VN0202").ToList();

        Assert.Equal(2, diagnostics.Count);
        Assert.Contains(diagnostics, d => d.GetMessage(CultureInfo.InvariantCulture).StartsWith("NodePayload 1.1 makes field 'network_interface' nullable compared with NodePayload 1.0", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.GetMessage(CultureInfo.InvariantCulture).StartsWith("NodePayload 1.2 makes field 'console_enabled' nullable compared with NodePayload 1.1", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_a_manifest_the_replayed_history_is_consistent_by_construction()
    {
        Only(Analyze(null, new Definition(Node.Path, CompatibilityHarness.RemoveExceptions(Node.Text)), Port));
    }
}
