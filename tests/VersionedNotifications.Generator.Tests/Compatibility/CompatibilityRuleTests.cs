using System.Globalization;
using Microsoft.CodeAnalysis;
using VersionedNotifications.Generator.Tests.Diagnostics;
using static VersionedNotifications.Generator.Tests.Compatibility.CompatibilityHarness;

namespace VersionedNotifications.Generator.Tests.Compatibility;

/// <summary>
/// One test per compatibility rule: the definitions as released are shipped into a manifest, the
/// edited definitions are analyzed against it, and the diagnostic lands on its YAML line; then the
/// fix the message proposes clears it.
/// </summary>
public sealed class CompatibilityRuleTests
{
    private const string Path = "/defs/demo.yaml";

    /// <summary>Node 1.0 as released: lines 4-13 hold the object, 14-17 the event family.</summary>
    private static readonly Definition Released = Definition.Of(Path, """
        namespace: demo
        csharp_namespace: Demo
        objects:
          Node:
            version: "1.0"
            fields:
              uuid: uuid
              name: { type: string, nullable: true }
              state: { type: enum, values: ["on", "off"] }
              size: { type: integer, default: 0 }
            history:
              "1.0": Initial version.
        event_types:
          demo.node.update:
            payload: Node
            statuses: [start, end, error]
        """);

    private static readonly string Shipped = Ship(null, Released);

    private static Definition Edit(Func<string, string> edit) => Definition.Of(Path, edit(Released.Text).TrimEnd('\n'));

    /// <summary>Node at <paramref name="version"/>, which adds the field 'owner'.</summary>
    private static Definition WithOwner(string version) =>
        Edit(t => Bump(t, version, "Add owner.").Replace("      size: { type: integer, default: 0 }", $"      size: {{ type: integer, default: 0 }}\n      owner: {{ type: string, nullable: true, since: \"{version}\" }}"));

    private static string Bump(string text, string version, string changes) =>
        text.Replace("version: \"1.0\"", $"version: \"{version}\"").Replace("      \"1.0\": Initial version.", $"      \"1.0\": Initial version.\n      \"{version}\": {changes}");

    [Fact]
    public void Released_definitions_agree_with_their_manifest()
    {
        Only(Analyze(Shipped, Released));
    }

    [Fact]
    public void VN0200_new_version_is_unshipped_until_shipped()
    {
        var next = WithOwner("1.1");

        var diagnostics = Analyze(Shipped, next);
        Single(diagnostics, "VN0200", DiagnosticSeverity.Info, Path, 5, 14, "Node 1.1 is not in the shipped manifest yet; run 'vnotify ship'");
        Only(diagnostics, "VN0200");

        Only(Analyze(Ship(Shipped, next), next));
    }

    [Fact]
    public void VN0201_field_added_to_a_shipped_version()
    {
        var edited = Edit(t => t.Replace("      size: { type: integer, default: 0 }", "      size: { type: integer, default: 0 }\n      owner: { type: string, nullable: true }"));

        var diagnostics = Analyze(Shipped, edited);
        Single(diagnostics, "VN0201", DiagnosticSeverity.Error, Path, 11, 7, "Node 1.0 has shipped, and its fields changed since: adds field 'owner' (string?)");
        Only(diagnostics, "VN0201");

        var fixedUp = WithOwner("1.1");
        Only(Analyze(Shipped, fixedUp), "VN0200");
    }

    [Theory]
    [InlineData("      name: { type: string, nullable: true }", "      name: { type: integer, nullable: true }", 8, "changes the type of field 'name' from string to integer", "type")]
    [InlineData("      name: { type: string, nullable: true }", "      name: { type: string }", 8, "makes field 'name' non-nullable", "nullability")]
    [InlineData("      uuid: uuid", "      uuid: { type: uuid, nullable: true }", 7, "makes field 'uuid' nullable", "nullability")]
    [InlineData("      size: { type: integer, default: 0 }", "      size: { type: integer, default: 1 }", 10, "changes the default of field 'size' from 0 to 1", "default")]
    [InlineData("      state: { type: enum, values: [\"on\", \"off\"] }", "      state: { type: enum, values: [\"on\"] }", 9, "drops the value(s) 'off' of field 'state'", "enum_values")]
    public void VN0202_breaking_change_under_a_minor_version_is_reported_on_the_field(string before, string after, int line, string message, string kind)
    {
        var edited = Edit(t => Bump(t, "1.1", "Change a field.").Replace(before, after));

        var diagnostics = Analyze(Shipped, edited);
        Single(diagnostics, "VN0202", DiagnosticSeverity.Error, Path, line, 7, $"Node 1.1 {message} compared with Node 1.0");
        Assert.Contains($"(kind {kind})", diagnostics.Single(d => d.Id == "VN0202").GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Only(diagnostics, "VN0200", "VN0202");
    }

    [Fact]
    public void VN0202_removed_field_is_reported_on_the_version_that_removed_it()
    {
        var edited = Edit(t => Bump(t, "1.1", "Remove size.").Replace("      size: { type: integer, default: 0 }\n", string.Empty));

        var diagnostics = Analyze(Shipped, edited);
        Single(diagnostics, "VN0202", DiagnosticSeverity.Error, Path, 12, 7, "Node 1.1 removes field 'size' (integer = 0) compared with Node 1.0");
    }

    [Fact]
    public void VN0202_is_cleared_by_a_named_exception_of_that_kind_or_by_a_major_version()
    {
        var excepted = Edit(t => t
            .Replace("version: \"1.0\"", "version: \"1.1\"")
            .Replace("      name: { type: string, nullable: true }", "      name: { type: string }")
            .Replace("      \"1.0\": Initial version.", """
                  "1.0": Initial version.
                  "1.1":
                    changes: name is always set.
                    exceptions:
                      - name: name-required
                        field: name
                        kind: nullability
                        reason: every node has had a name since 1.1.
                        was: { nullable: true }
            """.TrimEnd()));
        Only(Analyze(Shipped, excepted), "VN0200");

        var wrongKind = Edit(_ => excepted.Text.Replace("kind: nullability", "kind: type").TrimEnd('\n'));
        Assert.Contains(Analyze(Shipped, wrongKind), d => d.Id == "VN0202");

        var major = Edit(t => Bump(t, "2.0", "Name is always set.").Replace("      name: { type: string, nullable: true }", "      name: { type: string }"));
        Only(Analyze(Shipped, major), "VN0200");
    }

    [Fact]
    public void VN0202_compares_every_minor_with_every_earlier_minor()
    {
        // 1.1 removed 'name' (a recorded exception), 1.2 brought it back as an integer: neighbours
        // look fine (a removal, then an addition), but a 1.0 consumer would read an integer.
        var file = Definition.Of(Path, """
            namespace: demo
            csharp_namespace: Demo
            objects:
              Node:
                version: "1.2"
                fields:
                  uuid: uuid
                  name: { type: integer, nullable: true, since: "1.2" }
                history:
                  "1.0": Initial version.
                  "1.1":
                    changes: Remove name.
                    exceptions:
                      - { name: drop-name, field: name, kind: removed, reason: replaced by an id, was: { type: string, nullable: true } }
                  "1.2": Bring name back as a number.
            """);

        var diagnostics = Analyze(null, file);
        Single(diagnostics, "VN0202", DiagnosticSeverity.Error, Path, 8, 7, "Node 1.2 changes the type of field 'name' from string to integer compared with Node 1.0");
        Only(diagnostics, "VN0202");
    }

    [Fact]
    public void VN0203_major_version_for_a_purely_additive_change()
    {
        var edited = WithOwner("2.0");

        var diagnostics = Analyze(Shipped, edited);
        Single(diagnostics, "VN0203", DiagnosticSeverity.Warning, Path, 5, 14, "Node 2.0 is a new major version, but it only adds fields to Node 1.0");

        var minor = WithOwner("1.1");
        Only(Analyze(Shipped, minor), "VN0200");
    }

    [Fact]
    public void VN0203_severity_can_be_raised_like_any_analyzer_rule()
    {
        var edited = WithOwner("2.0");

        var diagnostics = Analyze(Shipped, new Dictionary<string, ReportDiagnostic> { ["VN0203"] = ReportDiagnostic.Error }, edited);
        Single(diagnostics, "VN0203", DiagnosticSeverity.Error, Path, 5, 14, "only adds fields");
    }

    [Fact]
    public void VN0204_shipped_version_rewritten()
    {
        var next = WithOwner("1.1");
        var shipped = Ship(Shipped, next);
        var rewritten = Edit(_ => next.Text.Replace("since: \"1.1\"", "since: \"1.0\"").TrimEnd('\n'));

        var diagnostics = Analyze(shipped, rewritten);
        Single(diagnostics, "VN0204", DiagnosticSeverity.Error, Path, 13, 7, "Node 1.0 has shipped with other fields than the definitions now give it (adds field 'owner' (string?))");

        Only(Analyze(shipped, next));
    }

    [Fact]
    public void VN0205_since_that_is_not_a_version_of_the_history()
    {
        var edited = Edit(t => t.Replace("      uuid: uuid", "      uuid: { type: uuid, since: \"0.9\" }"));

        var diagnostics = Analyze(null, edited);
        Single(diagnostics, "VN0205", DiagnosticSeverity.Error, Path, 7, 34, "Field 'uuid' of Node has since 0.9, which is not a version in its history");
        Only(Analyze(null, Released));
    }

    [Fact]
    public void VN0206_version_that_skips_or_goes_backwards()
    {
        var skipping = Edit(t => Bump(t, "1.2", "Add nothing much."));
        Single(Analyze(null, skipping), "VN0206", DiagnosticSeverity.Error, Path, 13, 7, "Node goes from 1.0 to 1.2; the version after 1.0 is 1.1 (more fields) or 2.0 (anything else)");
        Only(Analyze(null, Edit(t => Bump(t, "1.1", "Add nothing much."))));

        var next = WithOwner("1.1");
        var backwards = Analyze(Ship(Shipped, next), Released);
        Single(backwards, "VN0206", DiagnosticSeverity.Error, Path, 5, 14, "Node 1.0 goes backwards: 1.1 has shipped");
    }

    [Fact]
    public void VN0207_base_bumped_without_its_derived_object()
    {
        // NodePowerPayload says which Node it carries (base_versions): Node bumped alone breaks that, on the step in force.
        var released = Definition.Of(Path, """
            namespace: demo
            csharp_namespace: Demo
            objects:
              Node:
                version: "1.0"
                fields:
                  uuid: uuid
                history:
                  "1.0": Initial version.
              NodePowerPayload:
                version: "1.0"
                extends: Node
                base_versions:
                  "1.0": "1.0"
                fields:
                  to_power: { type: string, nullable: true }
                history:
                  "1.0": Initial version.
            """);
        var shipped = Ship(null, released);
        var baseBumped = Edit(_ => released.Text
            .Replace("    version: \"1.0\"\n    fields:\n      uuid: uuid\n    history:\n      \"1.0\": Initial version.", "    version: \"1.1\"\n    fields:\n      uuid: uuid\n      name: { type: string, nullable: true, since: \"1.1\" }\n    history:\n      \"1.0\": Initial version.\n      \"1.1\": Add name.")
            .TrimEnd('\n'));

        var diagnostics = Analyze(shipped, baseBumped);
        Single(diagnostics, "VN0207", DiagnosticSeverity.Error, Path, 16, 7, "Node is now 1.1, but NodePowerPayload 1.0 carries Node 1.0 (base_versions); bump NodePowerPayload and map its new version to Node 1.1");

        // Bumped but not mapped: still carries Node 1.0.
        var bumpedOnly = Edit(_ => baseBumped.Text
            .Replace("    version: \"1.0\"\n    extends: Node", "    version: \"1.1\"\n    extends: Node")
            .Replace("      to_power: { type: string, nullable: true }\n    history:\n      \"1.0\": Initial version.", "      to_power: { type: string, nullable: true }\n    history:\n      \"1.0\": Initial version.\n      \"1.1\": Node 1.1.")
            .TrimEnd('\n'));
        Single(Analyze(shipped, bumpedOnly), "VN0207", DiagnosticSeverity.Error, Path, 16, 7, "Node is now 1.1, but NodePowerPayload 1.1 carries Node 1.0 (base_versions); bump NodePowerPayload and map its new version to Node 1.1");

        var mapped = Edit(_ => bumpedOnly.Text.Replace("      \"1.0\": \"1.0\"\n", "      \"1.0\": \"1.0\"\n      \"1.1\": \"1.1\"\n").TrimEnd('\n'));
        Only(Analyze(shipped, mapped), "VN0200", "VN0200");
    }

    [Fact]
    public void VN0207_is_not_raised_for_a_relationship_the_definitions_do_not_declare()
    {
        // As oslo.versionedobjects, which enforces only declared obj_relationships: nova bumps ImageMetaPropsPayload
        // while the ImageMetaPayload holding it stays 1.0.
        var released = Definition.Of(Path, """
            namespace: demo
            csharp_namespace: Demo
            objects:
              Props:
                version: "1.0"
                fields:
                  uuid: uuid
                history:
                  "1.0": Initial version.
              Meta:
                version: "1.0"
                fields:
                  props: Props
                history:
                  "1.0": Initial version.
            """);
        var shipped = Ship(null, released);
        var childBumped = Edit(_ => released.Text
            .Replace("    version: \"1.0\"\n    fields:\n      uuid: uuid\n    history:\n      \"1.0\": Initial version.", "    version: \"1.1\"\n    fields:\n      uuid: uuid\n      name: { type: string, nullable: true, since: \"1.1\" }\n    history:\n      \"1.0\": Initial version.\n      \"1.1\": Add name.")
            .TrimEnd('\n'));

        Only(Analyze(shipped, childBumped), "VN0200");

        var declared = Edit(_ => childBumped.Text.Replace("      props: Props", "      props: { type: Props, child_versions: { \"1.0\": \"1.0\" } }").TrimEnd('\n'));
        Single(Analyze(shipped, declared), "VN0207", DiagnosticSeverity.Error, Path, 15, 47, "Props is now 1.1, but Meta 1.0 carries Props 1.0 (child_versions of 'props'); bump Meta and map its new version to Props 1.1");
    }

    [Fact]
    public void An_enum_value_added_in_a_minor_version_is_additive_and_its_history_replays()
    {
        // 'standby' arrived in 1.1: 1.0 as shipped keeps its two values, 1.1 adds one, and neither breaks a rule.
        var withValue = Edit(t => Bump(t, "1.1", "Add standby.")
            .Replace("      state: { type: enum, values: [\"on\", \"off\"] }", "      state: { type: enum, values: [\"on\", \"off\", { value: standby, since: \"1.1\" }] }"));

        Only(Analyze(Shipped, withValue), "VN0200");
        var node = VersionedNotifications.Generator.Parsing.DefinitionParser.Parse(withValue.Path, withValue.Text).Value.Objects.Single();
        Assert.Equal("enum[on, off]", VersionedNotifications.Generator.Compatibility.HistoryReplay.FieldsAt(node, new VersionedNotifications.Generator.Model.ObjectVersion(1, 0))["state"].Describe());
        Assert.Equal("enum[on, off, standby]", VersionedNotifications.Generator.Compatibility.HistoryReplay.FieldsAt(node, new VersionedNotifications.Generator.Model.ObjectVersion(1, 1))["state"].Describe());

        // The same value added to the shipped 1.0 itself changes what consumers of 1.0 have.
        var inPlace = Edit(t => t.Replace("      state: { type: enum, values: [\"on\", \"off\"] }", "      state: { type: enum, values: [\"on\", \"off\", standby] }"));
        Single(Analyze(Shipped, inPlace), "VN0201", DiagnosticSeverity.Error, Path, 9, 7, "Node 1.0 has shipped, and its fields changed since: adds the value(s) 'standby' to field 'state'; bump the version (a minor version when fields were only added, a major version otherwise)");
    }

    [Fact]
    public void VN0208_name_of_a_removed_field_reused_with_another_type()
    {
        var reused = Edit(t => Bump(t, "2.0", "Size is a text now.").Replace("      size: { type: integer, default: 0 }", "      size: { type: string, nullable: true, since: \"2.0\" }"));

        var diagnostics = Analyze(Shipped, reused);
        Single(diagnostics, "VN0208", DiagnosticSeverity.Error, Path, 10, 7, "Field 'size' of Node was integer = 0 in Node 1.0; the name of a removed field stays reserved");

        var renamed = Edit(t => Bump(t, "2.0", "Size is a text now.").Replace("      size: { type: integer, default: 0 }", "      size_text: { type: string, nullable: true, since: \"2.0\" }"));
        Only(Analyze(Shipped, renamed), "VN0200");
    }

    [Fact]
    public void VN0209_event_type_removed_is_reported_on_the_manifest_line()
    {
        var removed = Edit(t => t.Replace("    statuses: [start, end, error]", "    statuses: [start, end]"));

        var diagnostics = Analyze(Shipped, removed);
        var line = Shipped.Split('\n').ToList().FindIndex(l => l.StartsWith("event demo.node.update.error ", StringComparison.Ordinal)) + 1;
        Single(diagnostics, "VN0209", DiagnosticSeverity.Error, ManifestPath, line, 1, "Event type 'demo.node.update.error' has shipped but is no longer defined");

        Only(Analyze(Ship(Shipped, removed), removed));
    }

    [Fact]
    public void VN0210_event_payload_swapped_but_a_derived_payload_is_compatible()
    {
        const string other = "  Other:\n    version: \"1.0\"\n    fields:\n      id: uuid\n    history:\n      \"1.0\": Initial version.\n";
        const string derived = "  NodeExtra:\n    version: \"1.0\"\n    extends: Node\n    history:\n      \"1.0\": Initial version.\n";
        var swapped = Edit(t => t.Replace("event_types:\n", other + "event_types:\n").Replace("    payload: Node", "    payload: Other"));
        var diagnostics = Analyze(Shipped, swapped);
        Assert.Equal(3, diagnostics.Count(d => d.Id == "VN0210"));
        Assert.Contains(diagnostics, d => d.Id == "VN0210" && d.GetMessage(CultureInfo.InvariantCulture).Contains("Event type 'demo.node.update.end' shipped with payload demo.Node and now has demo.Other", StringComparison.Ordinal) && d.Location.GetLineSpan().StartLinePosition.Line + 1 == 21);

        var subclass = Edit(t => t.Replace("event_types:\n", derived + "event_types:\n").Replace("    payload: Node", "    payload: NodeExtra"));
        Only(Analyze(Shipped, subclass), "VN0200");
    }

    [Fact]
    public void VN0211_event_priority_changed()
    {
        var changed = Edit(t => t.Replace("    statuses: [start, end, error]", "    statuses: { start: info, end: info, error: critical }"));

        var diagnostics = Analyze(Shipped, changed);
        Single(diagnostics, "VN0211", DiagnosticSeverity.Error, Path, 14, 3, "Event type 'demo.node.update.error' shipped with priority ERROR and now has CRITICAL");
        Only(Analyze(Ship(Shipped, changed), changed));
    }

    [Fact]
    public void VN0212_malformed_manifest_line()
    {
        var manifest = Shipped + "fieldd demo.Node@1.0 x string\n";

        var diagnostics = Analyze(manifest, Released);
        Single(diagnostics, "VN0212", DiagnosticSeverity.Error, ManifestPath, manifest.TrimEnd('\n').Split('\n').Length, 1, "This line of the shipped manifest cannot be read");
        Only(Analyze(Ship(manifest, Released), Released));
    }

    [Fact]
    public void VN0213_named_enum_value_removed()
    {
        var released = Definition.Of(Path, """
            namespace: demo
            csharp_namespace: Demo
            enums:
              PowerState:
                values: [power on, power off]
            """);
        var narrowed = Definition.Of(Path, released.Text.Replace("[power on, power off]", "[power on]").TrimEnd('\n'));

        var diagnostics = Analyze(Ship(null, released), narrowed);
        Single(diagnostics, "VN0213", DiagnosticSeverity.Error, Path, 4, 3, "Enum PowerState no longer has the shipped value 'power off'");
        Only(Analyze(Ship(Ship(null, released), narrowed), narrowed));
    }

    [Fact]
    public void An_unknown_type_is_left_to_the_generator_instead_of_reported_as_a_change()
    {
        var broken = Edit(t => t.Replace("      name: { type: string, nullable: true }", "      name: { type: Strng, nullable: true }"));
        Only(Analyze(Shipped, broken));
    }
}
