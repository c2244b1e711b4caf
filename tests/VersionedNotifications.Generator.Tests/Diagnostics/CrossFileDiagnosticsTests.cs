using static VersionedNotifications.Generator.Tests.Diagnostics.DiagnosticAssert;

namespace VersionedNotifications.Generator.Tests.Diagnostics;

/// <summary>
/// What the checker finds with every file in view (types, bases, payloads, duplicates across files,
/// cycles, defaults, history), reported on the exact YAML line and column; the invalid piece is left
/// out and everything else still generates and compiles.
/// </summary>
public sealed class CrossFileDiagnosticsTests
{
    // VN0005 Unknown type

    [Fact]
    public void Unknown_field_types_are_reported_at_the_type_and_the_fields_left_out()
    {
        var file = Definition.Of("/defs/demo.yaml", """
            namespace: demo
            csharp_namespace: Demo
            objects:
              Node:
                version: "1.0"
                fields:
                  id: uuid
                  owner: Person
                  tags: list<Tag?>
            """);
        var run = Run(file);

        ReportedAt(run, "VN0005", file, 8, 14, "Unknown type 'Person' for field 'owner': expected a built-in type (string, integer, float, boolean, uuid, datetime, ip_address, mac_address, flexible_dict, enum, list<T>, dict<T>) or an object or enum defined in namespace 'demo'", token: "Person");
        ReportedAt(run, "VN0005", file, 9, 13, "Unknown type 'Tag' for field 'tags'", token: "list<Tag?>");
        OnlyReported(run, "VN0005", "VN0005");
        StillGeneratesAndCompiles(run, "Demo.Node.g.cs");
        var source = run.Source("Demo.Node.g.cs");
        Assert.Contains(" Id { get; init; }", source, StringComparison.Ordinal);
        Assert.DoesNotContain("Owner", source, StringComparison.Ordinal);
        Assert.DoesNotContain("Tags", source, StringComparison.Ordinal);
    }

    // VN0006 Duplicate name, across files and among event types

    [Fact]
    public void Object_defined_in_two_files_of_the_same_namespace_is_reported_at_the_later_file()
    {
        var first = Definition.Of("/defs/a.yaml", """
            namespace: demo
            csharp_namespace: Demo
            objects:
              Node:
                version: "1.0"
            """);
        var second = Definition.Of("/defs/b.yaml", """
            namespace: demo
            csharp_namespace: Demo.More
            objects:
              Other:
                version: "1.0"
              Node:
                version: "1.0"
            """);
        var run = Run(second, first);

        Reported(run, "VN0006", second, 6, 3, "Object 'Node' is defined more than once in namespace 'demo' (first at /defs/a.yaml:4:3)", token: "Node:");
        OnlyReported(run, "VN0006");
        StillGeneratesAndCompiles(run, "Demo.Node.g.cs", "Demo.More.Other.g.cs");
        Assert.DoesNotContain("Demo.More.Node.g.cs", run.HintNames);
    }

    [Fact]
    public void Event_type_defined_in_two_files_is_reported_at_the_later_file()
    {
        var first = Definition.Of("/defs/a.yaml", """
            namespace: demo
            csharp_namespace: Demo
            objects:
              Node:
                version: "1.0"
            event_types:
              demo.node.create:
                payload: Node
            """);
        var second = Definition.Of("/defs/b.yaml", """
            namespace: demo
            csharp_namespace: Demo
            event_types:
              demo.node.update:
                payload: Node
              demo.node.create:
                payload: Node
            """);
        var run = Run(first, second);

        Reported(run, "VN0006", second, 6, 3, "Event type 'demo.node.create' is defined more than once (first at /defs/a.yaml:7:3)", token: "demo.node.create:");
        StillGeneratesAndCompiles(run, "Demo.Node.g.cs", "Demo.EventTypes.g.cs");
        Assert.Contains("\"demo.node.update\"", run.Source("Demo.EventTypes.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Alias_used_by_two_event_types_is_reported_at_the_second()
    {
        var file = Definition.Of("/defs/demo.yaml", """
            namespace: demo
            csharp_namespace: Demo
            objects:
              Node:
                version: "1.0"
            event_types:
              demo.node.create:
                payload: Node
                aliases: [demo.node.made]
              demo.node.update:
                payload: Node
                aliases: [demo.node.made]
            """);
        var run = Run(file);

        Reported(run, "VN0006", file, 10, 3, "Event type alias 'demo.node.made' is defined more than once (first at /defs/demo.yaml:7:3)", token: "demo.node.update:");
        StillGeneratesAndCompiles(run, "Demo.Node.g.cs", "Demo.EventTypes.g.cs");
    }

    [Fact]
    public void Event_type_named_like_an_earlier_alias_is_a_duplicate()
    {
        var file = Definition.Of("/defs/demo.yaml", """
            namespace: demo
            csharp_namespace: Demo
            objects:
              Node:
                version: "1.0"
            event_types:
              demo.node.create:
                payload: Node
                aliases: [demo.node.made]
              demo.node.made:
                payload: Node
            """);
        var run = Run(file);

        Reported(run, "VN0006", file, 10, 3, "Event type 'demo.node.made' is defined more than once (first at /defs/demo.yaml:7:3)", token: "demo.node.made:");
        StillGeneratesAndCompiles(run, "Demo.EventTypes.g.cs");
    }

    [Fact]
    public void Alias_equal_to_its_own_event_type_is_a_duplicate_not_an_internal_error()
    {
        var file = Definition.Of("/defs/demo.yaml", """
            namespace: demo
            csharp_namespace: Demo
            objects:
              Node:
                version: "1.0"
            event_types:
              demo.node.create:
                payload: Node
                aliases: [demo.node.create]
              demo.node.delete:
                payload: Node
            """);
        var run = Run(file);

        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "VN0999");
        Reported(run, "VN0006", file, 7, 3, "'demo.node.create' is defined more than once", token: "demo.node.create:");
        StillGeneratesAndCompiles(run, "Demo.Node.g.cs", "Demo.EventTypes.g.cs");
    }

    [Fact]
    public void Alias_listed_twice_is_a_duplicate_not_an_internal_error()
    {
        var file = Definition.Of("/defs/demo.yaml", """
            namespace: demo
            csharp_namespace: Demo
            objects:
              Node:
                version: "1.0"
            event_types:
              demo.node.create:
                payload: Node
                aliases: [demo.node.made, demo.node.made]
            """);
        var run = Run(file);

        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "VN0999");
        Reported(run, "VN0006", file, 7, 3, "Event type alias 'demo.node.made' is defined more than once");
        StillGeneratesAndCompiles(run, "Demo.Node.g.cs");
    }

    // VN0008 Unknown base object

    [Fact]
    public void Unknown_base_is_reported_at_extends_and_the_object_generated_without_it()
    {
        var file = Definition.Of("/defs/demo.yaml", """
            namespace: demo
            csharp_namespace: Demo
            objects:
              Node:
                version: "1.0"
                extends: Missing
                fields:
                  id: uuid
            """);
        var run = Run(file);

        Reported(run, "VN0008", file, 6, 14, "Object 'Node' extends 'Missing', which is not an object in namespace 'demo'", token: "Missing");
        OnlyReported(run, "VN0008");
        StillGeneratesAndCompiles(run, "Demo.Node.g.cs");
        Assert.Contains("public sealed partial record Node : global::VersionedNotifications.INotificationPayload<global::Demo.Node>", run.Source("Demo.Node.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Base_in_another_wire_namespace_is_unknown()
    {
        var file = Definition.Of("/defs/demo.yaml", """
            namespace: demo
            csharp_namespace: Demo
            objects:
              Node:
                version: "1.0"
                extends: Thing
            """);
        var run = Run(file, Samples.Valid());

        Reported(run, "VN0008", file, 6, 14, "Object 'Node' extends 'Thing', which is not an object in namespace 'demo'", token: "Thing");
        StillGeneratesAndCompiles(run, ["Demo.Node.g.cs", .. Samples.ValidHintNames]);
    }

    // VN0009 Unknown payload object

    [Fact]
    public void Unknown_payload_is_reported_at_the_payload_and_the_event_type_left_out()
    {
        var file = Definition.Of("/defs/demo.yaml", """
            namespace: demo
            csharp_namespace: Demo
            objects:
              Node:
                version: "1.0"
            event_types:
              demo.node.create:
                payload: Nod
              demo.node.delete:
                payload: text
            """);
        var run = Run(file);

        Reported(run, "VN0009", file, 8, 14, "Event type 'demo.node.create' has payload 'Nod', which is not an object in namespace 'demo' (or 'text')", token: "Nod");
        StillGeneratesAndCompiles(run, "Demo.Node.g.cs", "Demo.EventTypes.g.cs");
        var eventTypes = run.Source("Demo.EventTypes.g.cs");
        Assert.DoesNotContain("demo.node.create", eventTypes, StringComparison.Ordinal);
        Assert.Contains("EventType<string> Delete", eventTypes, StringComparison.Ordinal);
    }

    [Fact]
    public void Enum_is_not_a_payload()
    {
        var file = Definition.Of("/defs/demo.yaml", """
            namespace: demo
            csharp_namespace: Demo
            enums:
              Mode:
                values: [fast]
            event_types:
              demo.mode.set:
                payload: Mode
            """);
        var run = Run(file);

        Reported(run, "VN0009", file, 8, 14, "has payload 'Mode', which is not an object", token: "Mode");
        StillGeneratesAndCompiles(run, "Demo.Mode.g.cs");
    }

    // VN0010 Cycles

    [Fact]
    public void Extends_cycle_is_reported_once_at_the_first_objects_extends()
    {
        var file = Definition.Of("/defs/demo.yaml", """
            namespace: demo
            csharp_namespace: Demo
            objects:
              A:
                version: "1.0"
                extends: B
                fields:
                  x: string
              B:
                version: "1.0"
                extends: A
                fields:
                  y: string
            """);
        var run = Run(file);

        Reported(run, "VN0010", file, 6, 14, "Object 'A' extends itself: A extends B extends A", token: "B");
        OnlyReported(run, "VN0010");
        StillGeneratesAndCompiles(run, "Demo.A.g.cs", "Demo.B.g.cs");
    }

    [Fact]
    public void Object_extending_itself_is_a_cycle()
    {
        var file = Definition.Of("/defs/demo.yaml", """
            namespace: demo
            csharp_namespace: Demo
            objects:
              Self:
                version: "1.0"
                extends: Self
            """);
        var run = Run(file);

        Reported(run, "VN0010", file, 6, 14, "Object 'Self' extends itself: Self extends Self", token: "Self");
        StillGeneratesAndCompiles(run, "Demo.Self.g.cs");
    }

    [Fact]
    public void Non_nullable_containment_cycle_is_reported_at_the_field_that_closes_it()
    {
        var file = Definition.Of("/defs/demo.yaml", """
            namespace: demo
            csharp_namespace: Demo
            objects:
              Outer:
                version: "1.0"
                fields:
                  inner: Inner
              Inner:
                version: "1.0"
                fields:
                  outer: Outer
            """);
        var run = Run(file);

        Reported(run, "VN0010", file, 11, 14, "Field 'outer' makes object 'Outer' contain itself: Outer -> Inner -> Outer; make one of these fields nullable", token: "Outer");
        OnlyReported(run, "VN0010");
        StillGeneratesAndCompiles(run, "Demo.Outer.g.cs", "Demo.Inner.g.cs");
    }

    [Fact]
    public void Nullable_list_and_dict_fields_break_containment_cycles()
    {
        var file = Definition.Of("/defs/demo.yaml", """
            namespace: demo
            csharp_namespace: Demo
            objects:
              Tree:
                version: "1.0"
                fields:
                  parent: { type: Tree, nullable: true }
                  children: list<Tree>
                  named: dict<Tree>
                  leaf: Leaf
              Leaf:
                version: "1.0"
                fields:
                  tree: { type: Tree, nullable: true }
            """);
        var run = Run(file);

        Assert.Empty(run.Diagnostics);
        StillGeneratesAndCompiles(run, "Demo.Tree.g.cs", "Demo.Leaf.g.cs");
    }

    // VN0011 Invalid event type: C# names of segments that clash

    [Fact]
    public void Event_type_under_another_event_type_clashes_in_the_generated_classes()
    {
        var file = Definition.Of("/defs/demo.yaml", """
            namespace: demo
            csharp_namespace: Demo
            objects:
              Member:
                version: "1.0"
            event_types:
              image.member:
                payload: Member
              image.member.create:
                payload: Member
            """);
        var run = Run(file);

        Reported(run, "VN0011", file, 9, 3, "Invalid event type 'image.member.create': 'Image.Member' would be both a class and a member in the generated EventTypes ('image.member' is an event type of its own)", token: "image.member.create:");
        StillGeneratesAndCompiles(run, "Demo.Member.g.cs", "Demo.EventTypes.g.cs");
        Assert.Contains("EventType<global::Demo.Member> Member", run.Source("Demo.EventTypes.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Event_type_over_others_clashes_in_the_generated_classes()
    {
        var file = Definition.Of("/defs/demo.yaml", """
            namespace: demo
            csharp_namespace: Demo
            objects:
              Member:
                version: "1.0"
            event_types:
              image.member.create:
                payload: Member
              image.member:
                payload: Member
            """);
        var run = Run(file);

        Reported(run, "VN0011", file, 9, 3, "Invalid event type 'image.member': 'Image.Member' would be both a class and a member in the generated EventTypes (other event types begin with it)", token: "image.member:");
        StillGeneratesAndCompiles(run, "Demo.EventTypes.g.cs");
    }

    [Fact]
    public void Segments_giving_the_same_CSharp_name_clash()
    {
        var file = Definition.Of("/defs/demo.yaml", """
            namespace: demo
            csharp_namespace: Demo
            objects:
              Node:
                version: "1.0"
            event_types:
              demo.node.power_set:
                payload: Node
              demo.node.power-set:
                payload: Node
              demo.demo:
                payload: Node
              all:
                payload: Node
            """);
        var run = Run(file);

        ReportedAt(run, "VN0011", file, 9, 3, "Invalid event type 'demo.node.power-set': it gives the same C# name as 'demo.node.power_set'", token: "demo.node.power-set:");
        ReportedAt(run, "VN0011", file, 11, 3, "Invalid event type 'demo.demo': the C# name 'Demo'", token: "demo.demo:");
        ReportedAt(run, "VN0011", file, 13, 3, "Invalid event type 'all': the C# name 'All' would clash with the member", token: "all:");
        StillGeneratesAndCompiles(run, "Demo.EventTypes.g.cs");
    }

    // VN0013 Invalid default

    [Fact]
    public void Default_of_the_wrong_kind_is_reported_at_the_default()
    {
        var file = Definition.Of("/defs/demo.yaml", """
            namespace: demo
            csharp_namespace: Demo
            enums:
              Mode:
                values: [fast, slow]
            objects:
              Node:
                version: "1.0"
                fields:
                  count: { type: integer, default: many }
                  mode: { type: Mode, default: turbo }
                  id: { type: uuid, default: 12 }
                  size: { type: integer, default: null }
            """);
        var run = Run(file);

        ReportedAt(run, "VN0013", file, 10, 40, "The default \"many\" of field 'count' does not fit its type integer (not nullable)", token: "many");
        ReportedAt(run, "VN0013", file, 11, 36, "The default \"turbo\" of field 'mode' does not fit its type Mode (not nullable)", token: "turbo");
        ReportedAt(run, "VN0013", file, 12, 34, "The default 12 of field 'id' does not fit its type uuid (not nullable)", token: "12");
        ReportedAt(run, "VN0013", file, 13, 39, "The default null of field 'size' does not fit its type integer (not nullable)", token: "null");
        OnlyReported(run, "VN0013", "VN0013", "VN0013", "VN0013");
        StillGeneratesAndCompiles(run, "Demo.Node.g.cs", "Demo.Mode.g.cs");
    }

    [Fact]
    public void Invalid_default_of_a_string_field_leaves_compilable_code()
    {
        var file = Definition.Of("/defs/demo.yaml", """
            namespace: demo
            csharp_namespace: Demo
            objects:
              Node:
                version: "1.0"
                fields:
                  name: { type: string, default: 5 }
                  id: uuid
            """);
        var run = Run(file);

        Reported(run, "VN0013", file, 7, 38, "The default 5 of field 'name' does not fit its type string (not nullable)", token: "5");
        StillGeneratesAndCompiles(run, "Demo.Node.g.cs");
    }

    // VN0014 History exception names an unknown field

    [Fact]
    public void History_exception_naming_an_unknown_field_is_reported_at_the_field()
    {
        var file = Definition.Of("/defs/demo.yaml", """
            namespace: demo
            csharp_namespace: Demo
            objects:
              Node:
                version: "1.1"
                fields:
                  id: uuid
                history:
                  "1.0": Initial version.
                  "1.1":
                    changes: Made something nullable.
                    exceptions:
                      - name: ghost-nullable
                        field: ghost
                        kind: nullability
                        reason: a test.
                      - name: gone
                        field: old_name
                        kind: removed
                        reason: removed fields are not fields any more.
            """);
        var run = Run(file);

        Reported(run, "VN0014", file, 14, 20, "Exception 'ghost-nullable' at version 1.1 names field 'ghost', which object 'Node' has never had", token: "ghost");
        OnlyReported(run, "VN0014");
        StillGeneratesAndCompiles(run, "Demo.Node.g.cs");
    }
    [Fact]
    public void Same_event_type_in_two_CSharp_namespaces_is_a_duplicate()
    {
        var first = Definition.Of("/defs/a.yaml", """
            namespace: demo
            csharp_namespace: Demo.A
            objects:
              Node: { version: "1.0" }
            event_types:
              demo.node.create: { payload: Node }
            """);
        var second = Definition.Of("/defs/b.yaml", """
            namespace: other
            csharp_namespace: Demo.B
            objects:
              Node: { version: "1.0" }
            event_types:
              demo.node.create: { payload: Node }
            """);
        var run = Run(first, second);

        Reported(run, "VN0006", second, 6, 3, "Event type 'demo.node.create' is defined more than once (first at /defs/a.yaml:6:3)", token: "demo.node.create");
        StillGeneratesAndCompiles(run, "Demo.A.EventTypes.g.cs", "Demo.A.Node.g.cs", "Demo.B.Node.g.cs");
    }

    [Fact]
    public void Empty_required_values_are_reported_not_silently_dropped()
    {
        var file = Definition.Of("/defs/demo.yaml", """
            namespace: demo
            csharp_namespace: Demo
            objects:
              Node:
                version:
              Port:
                version: "1.0"
                extends:
            event_types:
              demo.port.create:
                payload:
            """);
        var run = Run(file);

        ReportedAt(run, "VN0004", file, 5, 13, "Invalid value for 'version': a value is needed here, found nothing");
        ReportedAt(run, "VN0004", file, 8, 13, "Invalid value for 'extends': a value is needed here, found nothing");
        ReportedAt(run, "VN0004", file, 11, 13, "Invalid value for 'payload': a value is needed here, found nothing");
        OnlyReported(run, "VN0004", "VN0004", "VN0004");
        StillGeneratesAndCompiles(run, "Demo.Port.g.cs");
    }
    [Fact]
    public void A_rejected_event_type_leaves_no_class_behind_to_clash_with_a_later_one()
    {
        var file = Definition.Of("/defs/demo.yaml", """
            namespace: demo
            csharp_namespace: Demo
            objects:
              Node: { version: "1.0" }
            event_types:
              node.equals.create: { payload: Node }
              node: { payload: Node }
            """);
        var run = Run(file);

        Reported(run, "VN0011", file, 6, 3, "Invalid event type 'node.equals.create'", token: "node.equals.create");
        OnlyReported(run, "VN0011");
        StillGeneratesAndCompiles(run, "Demo.EventTypes.g.cs", "Demo.Node.g.cs");
        Assert.Contains("\"node\" => Node,", run.Source("Demo.EventTypes.g.cs"), StringComparison.Ordinal);
    }
}
