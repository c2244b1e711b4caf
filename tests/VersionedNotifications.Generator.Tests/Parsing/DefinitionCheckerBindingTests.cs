using System.Collections.Immutable;
using VersionedNotifications.Generator.Checks;
using VersionedNotifications.Generator.Diagnostics;
using VersionedNotifications.Generator.Model;
using VersionedNotifications.Generator.Parsing;

namespace VersionedNotifications.Generator.Tests.Parsing;

/// <summary>
/// <see cref="DefinitionChecker.Check"/> over parsed files, without Roslyn's driver: names resolve
/// across the files of one wire namespace, and never across wire namespaces.
/// </summary>
public sealed class DefinitionCheckerBindingTests
{
    private static readonly string People = """
        namespace: demo
        csharp_namespace: Demo.People
        enums:
          Mode:
            values: [fast, slow]
        objects:
          Person:
            version: "1.0"
            fields:
              name: string
          Base:
            version: "1.2"
            fields:
              id: uuid
        """;

    private static readonly string Nodes = """
        namespace: demo
        csharp_namespace: Demo.Nodes
        objects:
          Node:
            version: "1.0"
            extends: Base
            fields:
              owner: Person
              friends: { type: "list<Person?>", nullable: true }
              mode: { type: Mode, default: slow }
        event_types:
          demo.node.create:
            payload: Node
          demo.person.create:
            payload: Person
        """;

    private static Result<GenerationSpec> Check(params (string Path, string Text)[] files)
    {
        var parsed = files.Select(f => DefinitionParser.Parse(f.Path, f.Text)).ToList();
        Assert.All(parsed, p => Assert.True(p.Diagnostics.IsEmpty, string.Join("\n", p.Diagnostics.Select(d => d.Message))));
        return DefinitionChecker.Check(parsed.Select(p => p.Value).ToImmutableArray());
    }

    [Fact]
    public void Objects_enums_and_bases_of_another_file_of_the_same_namespace_resolve()
    {
        var result = Check(("/defs/nodes.yaml", Nodes), ("/defs/people.yaml", People));

        Assert.Empty(result.Diagnostics);
        var spec = result.Value;
        Assert.Equal(["Demo.Nodes.Node", "Demo.People.Base", "Demo.People.Person"], spec.Objects.Select(o => o.Namespace + "." + o.TypeName));

        var node = spec.Objects.Single(o => o.TypeName == "Node");
        Assert.Equal("global::Demo.People.Base", node.BaseType);
        Assert.Equal("demo", node.WireNamespace);
        Assert.True(node.IsSealed);
        Assert.False(spec.Objects.Single(o => o.TypeName == "Base").IsSealed);

        var properties = node.Properties.ToDictionary(p => p.WireName);
        Assert.Equal(["owner", "friends", "mode"], node.Properties.Select(p => p.WireName));
        Assert.Equal("global::Demo.People.Person", properties["owner"].Type);
        Assert.True(properties["owner"].IsRequired);
        Assert.Equal("global::System.Collections.Generic.IReadOnlyList<global::Demo.People.Person?>?", properties["friends"].Type);
        Assert.False(properties["friends"].IsRequired);
        Assert.Equal("global::Demo.People.Mode", properties["mode"].Type);
        Assert.Equal("global::Demo.People.Mode.Slow", properties["mode"].Initializer);

        var enumSpec = Assert.Single(spec.Enums);
        Assert.Equal(("Demo.People", "Mode"), (enumSpec.Namespace, enumSpec.TypeName));
        Assert.Equal(["Fast", "Slow"], enumSpec.Members.Select(m => m.Name));

        var eventTypes = Assert.Single(spec.EventTypes);
        Assert.Equal("Demo.Nodes", eventTypes.Namespace);
        Assert.Equal(["global::Demo.Nodes.Node", "global::Demo.People.Person"], eventTypes.Events.Select(e => e.PayloadType));
        Assert.Equal(["Demo", "Node", "Create"], eventTypes.Events[0].Path);
    }

    [Fact]
    public void The_order_of_the_files_does_not_change_the_result()
    {
        var forward = Check(("/defs/nodes.yaml", Nodes), ("/defs/people.yaml", People));
        var backward = Check(("/defs/people.yaml", People), ("/defs/nodes.yaml", Nodes));

        Assert.Equal(forward, backward);
    }

    [Fact]
    public void Names_of_another_wire_namespace_do_not_resolve()
    {
        var elsewhere = People.Replace("namespace: demo", "namespace: elsewhere", StringComparison.Ordinal);
        var result = Check(("/defs/nodes.yaml", Nodes), ("/defs/people.yaml", elsewhere));

        Assert.Equal(["VN0008", "VN0005", "VN0005", "VN0005", "VN0009"], result.Diagnostics.Select(d => d.Descriptor.Id));
        Assert.All(result.Diagnostics, d => Assert.Equal("/defs/nodes.yaml", d.Location.FilePath));
        var node = result.Value.Objects.Single(o => o.TypeName == "Node");
        Assert.Null(node.BaseType);
        Assert.Empty(node.Properties);
        Assert.Equal(["demo.node.create"], Assert.Single(result.Value.EventTypes).Events.Select(e => e.Name));
    }

    [Fact]
    public void Files_without_usable_namespaces_are_left_out()
    {
        var parsed = new[]
        {
            DefinitionParser.Parse("/defs/a.yaml", "namespace: demo\nobjects:\n  A:\n    version: \"1.0\"\n").Value,
            DefinitionParser.Parse("/defs/b.yaml", "csharp_namespace: Demo\nobjects:\n  B:\n    version: \"1.0\"\n").Value,
            DefinitionParser.Parse("/defs/c.yaml", "namespace: demo\ncsharp_namespace: Demo\nobjects:\n  C:\n    version: \"1.0\"\n").Value,
        };

        var result = DefinitionChecker.Check(parsed.ToImmutableArray());

        Assert.Empty(result.Diagnostics);
        Assert.Equal(["C"], result.Value.Objects.Select(o => o.TypeName));
    }

    [Fact]
    public void No_files_give_an_empty_spec()
    {
        var result = DefinitionChecker.Check(ImmutableArray<DefinitionFile>.Empty);

        Assert.Empty(result.Diagnostics);
        Assert.True(result.Value.IsEmpty);
    }
}
