using VersionedNotifications.Generator.Model;
using VersionedNotifications.Generator.Parsing;

namespace VersionedNotifications.Generator.Tests.Parsing;

/// <summary><see cref="DefinitionParser.Parse"/> alone: the model it builds from one file, without Roslyn's driver.</summary>
public sealed class DefinitionParserTests
{
    private const string Path = "/defs/node.yaml";

    private static readonly string NodeYaml = """
        namespace: ironic
        csharp_namespace: Contracts.Ironic
        description: Bare metal.
        enums:
          power_state:
            description: A power state.
            values:
              - power on
              - rebooting
              - value: "None"
                csharp_name: Unknown
                description: Unreadable.
          Flag:
            csharp_name: NodeFlag
            values: [a]
        objects:
          NodePayload:
            version: "1.10"
            description: The node.
            fields:
              uuid: uuid
              name:
                type: string
                nullable: true
                since: "1.0"
                description: A name.
                example: node-1
              maintenance: { type: boolean, default: false }
              weight: { type: float, default: 0.5, since: "1.9" }
              tags: { type: "list<string?>", default: [], since: "1.10" }
              extra: { type: "dict<integer>", nullable: true, default: null }
              driver_info: { type: flexible_dict, secret: true, example: { password: x, port: 623 } }
              state: { type: enum, values: [active, "deploy failed"] }
              power: { type: power_state, csharp_name: PowerNow }
            history:
              "1.0": Initial version.
              "1.9":
                changes: Add weight.
                exceptions:
                  - name: name-nullable
                    field: name
                    kind: nullability
                    reason: Made nullable in a minor bump.
                    was: { nullable: false, type: string, default: "", name: label, values: [x, y] }
              "1.10": Add tags.
          Plain:
            versioned: false
            extends: NodePayload
            csharp_name: PlainPayload
        """;

    private static DefinitionFile ParseClean(string text, string path = Path)
    {
        var result = DefinitionParser.Parse(path, text);
        Assert.True(result.Diagnostics.IsEmpty, string.Join("\n", result.Diagnostics.Select(d => d.Message)));
        Assert.False(result.Value.HasErrors);
        return result.Value;
    }

    [Fact]
    public void Reads_the_namespaces_and_keeps_the_path()
    {
        var file = ParseClean(NodeYaml);

        Assert.Equal(Path, file.Path);
        Assert.Equal("ironic", file.WireNamespace);
        Assert.Equal("Contracts.Ironic", file.CSharpNamespace);
        Assert.Equal(0, file.NamespaceLocation.LineSpan.Start.Line);
        Assert.Equal(11, file.NamespaceLocation.LineSpan.Start.Character);
    }

    [Fact]
    public void Reads_objects_in_file_order_with_version_base_and_CSharp_name()
    {
        var file = ParseClean(NodeYaml);

        Assert.Equal(["NodePayload", "Plain"], file.Objects.Select(o => o.Name));
        var node = file.Objects[0];
        Assert.Equal("NodePayload", node.CSharpName);
        Assert.Equal(new ObjectVersion(1, 10), node.Version);
        Assert.Equal("The node.", node.Description);
        Assert.True(node.IsVersioned);
        Assert.Null(node.Extends);
        Assert.Equal(16, node.Location.LineSpan.Start.Line);

        var plain = file.Objects[1];
        Assert.Equal("PlainPayload", plain.CSharpName);
        Assert.False(plain.IsVersioned);
        Assert.Equal(new ObjectVersion(1, 0), plain.Version);
        Assert.Equal("NodePayload", plain.Extends);
        Assert.Equal(47, plain.ExtendsLocation!.LineSpan.Start.Line);
        Assert.Empty(plain.Fields);
        Assert.Empty(plain.History);
    }

    [Fact]
    public void Reads_shorthand_and_full_fields()
    {
        var fields = ParseClean(NodeYaml).Objects[0].Fields.ToDictionary(f => f.Name);

        Assert.Equal(["uuid", "name", "maintenance", "weight", "tags", "extra", "driver_info", "state", "power"], ParseClean(NodeYaml).Objects[0].Fields.Select(f => f.Name));

        var uuid = fields["uuid"];
        Assert.Equal("Uuid", uuid.CSharpName);
        Assert.Equal(new TypeReference(TypeKind.Uuid), uuid.Type);
        Assert.False(uuid.IsNullable);
        Assert.Null(uuid.Default);
        Assert.Equal(new ObjectVersion(1, 0), uuid.Since);
        Assert.Equal(uuid.Location, uuid.SinceLocation);
        Assert.Equal(20, uuid.TypeLocation.LineSpan.Start.Line);
        Assert.Equal(12, uuid.TypeLocation.LineSpan.Start.Character);

        var name = fields["name"];
        Assert.Equal(new TypeReference(TypeKind.String), name.Type);
        Assert.True(name.IsNullable);
        Assert.Equal("A name.", name.Description);
        Assert.Equal(new LiteralValue(LiteralKind.String, "\"node-1\"", "node-1"), name.Example);
        Assert.Equal(24, name.SinceLocation.LineSpan.Start.Line);

        var maintenance = fields["maintenance"];
        Assert.Equal(new LiteralValue(LiteralKind.Boolean, "false", "false"), maintenance.Default);
        Assert.Equal(27, maintenance.DefaultLocation!.LineSpan.Start.Line);

        var weight = fields["weight"];
        Assert.Equal(new TypeReference(TypeKind.Float), weight.Type);
        Assert.Equal(new LiteralValue(LiteralKind.Float, "0.5", "0.5"), weight.Default);
        Assert.Equal(new ObjectVersion(1, 9), weight.Since);

        var tags = fields["tags"];
        Assert.Equal(new TypeReference(TypeKind.List, Element: new TypeReference(TypeKind.String), ElementNullable: true), tags.Type);
        Assert.Equal(new LiteralValue(LiteralKind.Array, "[]", string.Empty), tags.Default);
        Assert.Equal(new ObjectVersion(1, 10), tags.Since);

        var extra = fields["extra"];
        Assert.Equal(new TypeReference(TypeKind.Dict, Element: new TypeReference(TypeKind.Integer)), extra.Type);
        Assert.True(extra.IsNullable);
        Assert.Equal(LiteralKind.Null, extra.Default!.Kind);

        var driverInfo = fields["driver_info"];
        Assert.True(driverInfo.IsSecret);
        Assert.Equal(new TypeReference(TypeKind.FlexibleDict), driverInfo.Type);
        Assert.Equal(new LiteralValue(LiteralKind.Object, "{\"password\":\"x\",\"port\":623}", string.Empty), driverInfo.Example);

        Assert.All(fields.Values, f => Assert.Null(f.Removed));
        Assert.Equal("PowerNow", fields["power"].CSharpName);
        Assert.Equal(new TypeReference(TypeKind.Named, Name: "power_state"), fields["power"].Type);
        Assert.Equal("DriverInfo", driverInfo.CSharpName);
    }

    [Fact]
    public void Reads_inline_enum_members_with_their_CSharp_names()
    {
        var state = ParseClean(NodeYaml).Objects[0].Fields.Single(f => f.Name == "state");

        Assert.Equal(new TypeReference(TypeKind.InlineEnum), state.Type);
        Assert.Equal(["active", "deploy failed"], state.EnumMembers.Select(m => m.Value));
        Assert.Equal(["Active", "DeployFailed"], state.EnumMembers.Select(m => m.CSharpName));
    }

    [Fact]
    public void Reads_named_enums_with_values_CSharp_names_and_descriptions()
    {
        var enums = ParseClean(NodeYaml).Enums;

        Assert.Equal(["power_state", "Flag"], enums.Select(e => e.Name));
        var power = enums[0];
        Assert.Equal("PowerState", power.CSharpName);
        Assert.Equal("A power state.", power.Description);
        Assert.Equal(["power on", "rebooting", "None"], power.Members.Select(m => m.Value));
        Assert.Equal(["PowerOn", "Rebooting", "Unknown"], power.Members.Select(m => m.CSharpName));
        Assert.Equal([null, null, "Unreadable."], power.Members.Select(m => m.Description));
        Assert.Equal(7, power.Members[0].Location.LineSpan.Start.Line);
        Assert.Equal("NodeFlag", enums[1].CSharpName);
    }

    [Fact]
    public void Reads_history_with_exceptions_and_what_the_field_was()
    {
        var history = ParseClean(NodeYaml).Objects[0].History;

        Assert.Equal([new ObjectVersion(1, 0), new ObjectVersion(1, 9), new ObjectVersion(1, 10)], history.Select(h => h.Version));
        Assert.Equal(["Initial version.", "Add weight.", "Add tags."], history.Select(h => h.Changes));
        Assert.Empty(history[0].Exceptions);

        var exception = Assert.Single(history[1].Exceptions);
        Assert.Equal("name-nullable", exception.Name);
        Assert.Equal("name", exception.Field);
        Assert.Equal(ExceptionKind.Nullability, exception.Kind);
        Assert.Equal("Made nullable in a minor bump.", exception.Reason);
        Assert.Equal(40, exception.FieldLocation.LineSpan.Start.Line);
        Assert.Equal(new PreviousField("label", new TypeReference(TypeKind.String), false, new LiteralValue(LiteralKind.String, "\"\"", string.Empty), new EquatableArray<string>(["x", "y"])), exception.Was);
    }

    [Fact]
    public void Exception_kinds_are_read_by_name()
    {
        var text = """
            namespace: demo
            csharp_namespace: Demo
            objects:
              Node:
                version: "1.1"
                fields:
                  a: string
                history:
                  "1.0": Initial.
                  "1.1":
                    changes: Everything.
                    exceptions:
                      - { name: t, field: a, kind: type, reason: r }
                      - { name: n, field: a, kind: nullability, reason: r }
                      - { name: d, field: a, kind: default, reason: r }
                      - { name: x, field: a, kind: removed, reason: r }
                      - { name: y, field: a, kind: renamed, reason: r }
                      - { name: e, field: a, kind: enum_values, reason: r }
            """;
        var exceptions = ParseClean(text).Objects[0].History[1].Exceptions;

        Assert.Equal(
            [ExceptionKind.Type, ExceptionKind.Nullability, ExceptionKind.Default, ExceptionKind.Removed, ExceptionKind.Renamed, ExceptionKind.EnumValues],
            exceptions.Select(e => e.Kind));
        Assert.All(exceptions, e => Assert.Null(e.Was));
    }

    [Fact]
    public void Removed_field_keeps_its_major_version()
    {
        var text = """
            namespace: demo
            csharp_namespace: Demo
            objects:
              Node:
                version: "2.1"
                fields:
                  legacy: { type: string, since: "1.0", removed: "2.0" }
                  fresh: string
            """;
        var fields = ParseClean(text).Objects[0].Fields;

        Assert.Equal(new ObjectVersion(2, 0), fields[0].Removed);
        Assert.Equal(new ObjectVersion(2, 0), fields[1].Since);
    }

    [Fact]
    public void Empty_sections_give_empty_lists()
    {
        var file = ParseClean("""
            namespace: demo
            csharp_namespace: Demo
            enums:
            objects: {}
            event_types: ~
            """);

        Assert.Empty(file.Enums);
        Assert.Empty(file.Objects);
        Assert.Empty(file.Events);
    }

    [Fact]
    public void Invalid_pieces_are_left_out_and_the_file_is_marked()
    {
        var result = DefinitionParser.Parse(Path, """
            namespace: demo
            csharp_namespace: Demo
            objects:
              Node:
                version: "1.0"
                fields:
                  good: string
                  bad: "list<"
                  worse: { type: Unknown?, nullable: maybe }
              Broken:
                version: one
            """);

        Assert.True(result.Value.HasErrors);
        var node = Assert.Single(result.Value.Objects);
        Assert.Equal(["good"], node.Fields.Select(f => f.Name));
        Assert.Equal(4, result.Diagnostics.Count);
        Assert.All(result.Diagnostics, d => Assert.Equal("VN0004", d.Descriptor.Id));
    }

    [Fact]
    public void Never_throws_and_gives_an_empty_model_for_text_that_is_not_a_mapping()
    {
        foreach (var text in new[] { "", "~", "- a\n- b", "just text", "\0", "[", "\uD800" })
        {
            var result = DefinitionParser.Parse(Path, text);
            Assert.True(result.Value.HasErrors, text);
            Assert.Empty(result.Value.Objects);
            Assert.NotEmpty(result.Diagnostics);
            Assert.DoesNotContain(result.Diagnostics, d => d.Descriptor.Id == "VN0999");
        }
    }
}
