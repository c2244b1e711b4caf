using Microsoft.CodeAnalysis;
using VersionedNotifications.Generator.Compatibility;
using VersionedNotifications.Generator.Parsing;
using VersionedNotifications.Generator.Tests.Compatibility;
using static VersionedNotifications.Generator.Tests.Diagnostics.DiagnosticAssert;

namespace VersionedNotifications.Generator.Tests.Diagnostics;

/// <summary>
/// Issue 15 item 10: a broken file yields its own error only, on its line, in our words. Each slip a new
/// user makes is tried here with the build's generator and analyzer (and the checker <c>vnotify check</c> runs).
/// </summary>
public sealed class MisleadingErrorTests
{
    private const string Path = "/defs/demo.yaml";

    private static readonly Definition Released = Definition.Of(Path, """
        namespace: demo
        csharp_namespace: Demo
        objects:
          Node:
            version: "1.10"
            fields:
              uuid: uuid
              name: { type: string, nullable: true }
        event_types:
          demo.node.update:
            payload: Node
            statuses: [start, end, error]
        """);

    private static readonly string Shipped = CompatibilityHarness.Ship(null, Released);

    private static Definition Edit(string from, string to)
    {
        Assert.Contains(from, Released.Text, StringComparison.Ordinal);
        return new Definition(Path, Released.Text.Replace(from, to, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("    payload: Node", "    paylod: Node")]
    [InlineData("      name: { type: string, nullable: true }", "      name: { type: string, nulable: true }")]
    [InlineData("    statuses: [start, end, error]", "    statuses: [start, end, error")]
    [InlineData("    version: \"1.10\"", "    verison: \"1.10\"")]
    public void A_broken_file_does_not_look_like_it_removed_its_shipped_event_types(string from, string to)
    {
        var broken = Edit(from, to);

        var analyzed = CompatibilityHarness.Analyze(Shipped, broken);
        Assert.DoesNotContain(analyzed, d => d.Id == "VN0209");

        // vnotify check runs the same checker on every file, broken ones included.
        var files = new[] { DefinitionParser.Parse(broken.Path, broken.Text).Value };
        Assert.True(files[0].HasErrors);
        Assert.DoesNotContain(CompatibilityChecker.Check(files, ShippedManifest.Parse(CompatibilityHarness.ManifestPath, Shipped)), d => d.Descriptor.Id == "VN0209");
    }

    [Fact]
    public void An_event_type_removed_from_a_file_that_reads_is_still_reported()
    {
        var removed = Edit("    statuses: [start, end, error]", "    statuses: [start, end]");

        var analyzed = CompatibilityHarness.Analyze(Shipped, removed);

        Assert.Single(analyzed, d => d.Id == "VN0209");
    }

    [Fact]
    public void An_unquoted_version_is_read_as_written_and_the_shipped_events_stay_defined()
    {
        var unquoted = Edit("    version: \"1.10\"", "    version: 1.10");

        var run = Run(unquoted);
        OnlyReported(run);
        Assert.Contains("\"1.10\"", run.Source("Demo.Node.g.cs"), StringComparison.Ordinal);
        Assert.DoesNotContain(CompatibilityHarness.Analyze(Shipped, unquoted), d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void A_missing_version_is_one_diagnostic_not_one_per_status_of_its_events()
    {
        var broken = Edit("    version: \"1.10\"\n", string.Empty);

        var run = Run(broken, Samples.Valid());

        Reported(run, "VN0003", broken, 4, 3, "Versioned object 'Node' needs the key 'version'", token: "Node");
        OnlyReported(run, "VN0003");
        StillGeneratesAndCompiles(run, Samples.ValidHintNames);
    }

    [Fact]
    public void A_field_of_an_object_without_version_is_not_also_an_unknown_type_elsewhere()
    {
        var broken = Definition.Of(Path, """
            namespace: demo
            csharp_namespace: Demo
            objects:
              Port:
                fields:
                  id: uuid
              Node:
                version: "1.0"
                extends: Port
                fields:
                  port: Port
            """);

        var run = Run(broken);

        Reported(run, "VN0003", broken, 4, 3, "Versioned object 'Port' needs the key 'version'", token: "Port");
        OnlyReported(run, "VN0003");
    }

    [Fact]
    public void Objects_of_a_file_without_a_usable_CSharp_namespace_are_not_unknown_to_other_files()
    {
        var objects = Definition.Of("/defs/objects.yaml", """
            namespace: demo
            csharp_namespace: Demo.event
            objects:
              Node:
                version: "1.0"
            """);
        var events = Definition.Of("/defs/events.yaml", """
            namespace: demo
            csharp_namespace: Demo
            event_types:
              demo.node.update:
                payload: Node
                statuses: [start, end, error]
            """);

        var run = Run(objects, events);

        Reported(run, "VN0012", objects, 2, 19, "'csharp_namespace' gives the C# name 'Demo.event'", token: "Demo.event");
        OnlyReported(run, "VN0012");
    }

    [Fact]
    public void An_over_indented_first_key_is_reported_on_its_own_line_as_indentation()
    {
        // One space too many before 'id': YamlDotNet says "did not find expected key" on the line of 'name'.
        var broken = Definition.Of(Path, """
            namespace: demo
            csharp_namespace: Demo
            objects:
              Node:
                version: "1.0"
                fields:
                   id: uuid
                  name: string
            """);

        var run = Run(broken);

        Reported(run, "VN0001", broken, 7, 8, "indentation: 'id' is indented 7 spaces, but 'name' after it, a key of the same mapping under 'fields', is indented 6 spaces; line them up", token: "id: uuid");
        OnlyReported(run, "VN0001");
    }

    [Fact]
    public void An_indentation_slip_is_placed_on_its_line_with_windows_line_ends_too()
    {
        var text = "namespace: demo\r\ncsharp_namespace: Demo\r\nobjects:\r\n  Node:\r\n    version: \"1.0\"\r\n    fields:\r\n       id: uuid\r\n      name: string\r\n";

        var diagnostic = Assert.Single(DefinitionParser.Parse(Path, text).Diagnostics);

        Assert.Equal("VN0001", diagnostic.Descriptor.Id);
        Assert.Equal((6, 7), (diagnostic.Location.LineSpan.Start.Line, diagnostic.Location.LineSpan.Start.Character));
        Assert.Equal("id: uuid", text.Substring(diagnostic.Location.TextSpan.Start, diagnostic.Location.TextSpan.Length));
        Assert.Contains("indentation: 'id' is indented 7 spaces", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_indented_under_a_key_with_a_value_is_reported_as_indentation()
    {
        var broken = Definition.Of(Path, """
            namespace: demo
            csharp_namespace: Demo
            objects:
              Node:
                version: "1.0"
                fields:
                  id: uuid
                   name: string
            """);

        var run = Run(broken);

        Reported(run, "VN0001", broken, 8, 8, "indentation: 'name' is indented 7 spaces, 1 space more than 'id' on the line above, which has its value already", token: "name: string");
        OnlyReported(run, "VN0001");
    }

    [Fact]
    public void A_key_indented_between_two_levels_is_reported_as_indentation()
    {
        var broken = Definition.Of(Path, """
            namespace: demo
            csharp_namespace: Demo
            objects:
              Node:
                version: "1.0"
               fields:
                  id: uuid
            """);

        var run = Run(broken);

        Reported(run, "VN0001", broken, 6, 4, "indentation: 'fields' is indented 3 spaces, which lines up with no key above it ('version' is at 4 spaces, 'Node' at 2 spaces)", token: "fields:");
        OnlyReported(run, "VN0001");
    }

    [Fact]
    public void A_dedented_field_key_is_reported_as_a_misindented_key_not_a_field_of_type_true()
    {
        var broken = Definition.Of(Path, """
            namespace: demo
            csharp_namespace: Demo
            objects:
              Node:
                version: "1.0"
                fields:
                  name:
                    type: string
                  nullable: true
                  since: "1.0"
                  size: integer
            """);

        var run = Run(broken);

        ReportedAt(run, "VN0004", broken, 9, 7, "'nullable: true' sits among the fields of object 'Node', where it would declare a field 'nullable'; it looks like a key of field 'name' above that lost its indentation: indent it as far as the other keys of 'name'", token: "nullable");
        ReportedAt(run, "VN0004", broken, 10, 7, "'since: 1.0' sits among the fields of object 'Node'", token: "since");
        OnlyReported(run, "VN0004", "VN0004");
    }

    [Fact]
    public void A_field_named_like_a_key_with_a_type_is_still_a_field()
    {
        var file = Definition.Of(Path, """
            namespace: demo
            csharp_namespace: Demo
            objects:
              Node:
                version: "1.0"
                fields:
                  description: string
                  type: { type: string }
            """);

        var run = Run(file);

        OnlyReported(run);
        Assert.Contains("Description", run.Source("Demo.Node.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_type_and_payload_and_base_names_get_a_did_you_mean()
    {
        var file = Definition.Of(Path, """
            namespace: demo
            csharp_namespace: Demo
            objects:
              NodePayload:
                version: "1.0"
                fields:
                  port: PortPayload
                  other: nodepayload
              PortPayload:
                version: "1.0"
                extends: NodPayload
            event_types:
              demo.node.create:
                payload: NodePayloda
            """);

        var run = Run(file);

        ReportedAt(run, "VN0005", file, 8, 14, "Unknown type 'nodepayload' for field 'other': expected a built-in type (string, integer, float, boolean, uuid, datetime, ip_address, mac_address, flexible_dict, enum, list<T>, dict<T>) or an object or enum defined in namespace 'demo'; did you mean 'NodePayload'?", token: "nodepayload");
        Reported(run, "VN0008", file, 11, 14, "Object 'PortPayload' extends 'NodPayload', which is not an object in namespace 'demo'; did you mean 'NodePayload'?", token: "NodPayload");
        Reported(run, "VN0009", file, 14, 14, "Event type 'demo.node.create' has payload 'NodePayloda', which is not an object in namespace 'demo' (or 'text'); did you mean 'NodePayload'?", token: "NodePayloda");
        OnlyReported(run, "VN0005", "VN0008", "VN0009");
    }
}
