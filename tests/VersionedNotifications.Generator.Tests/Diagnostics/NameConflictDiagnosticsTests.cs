using static VersionedNotifications.Generator.Tests.Diagnostics.DiagnosticAssert;

namespace VersionedNotifications.Generator.Tests.Diagnostics;

/// <summary>
/// Generated C# names that would clash (VN0015), and names the compiler would reject, reported on the
/// YAML line that gives them; the clashing piece is left out and the rest still compiles.
/// </summary>
public sealed class NameConflictDiagnosticsTests
{
    [Fact]
    public void Field_named_like_its_object_is_reported_at_the_field()
    {
        var file = Definition.Of("/defs/demo.yaml", """
            namespace: demo
            csharp_namespace: Demo
            objects:
              Node:
                version: "1.0"
                fields:
                  node: string
                  id: uuid
            """);
        var run = Run(file);

        Reported(run, "VN0015", file, 7, 7, "Field 'node' gives the property name 'Node', the name of its own type; give the field a csharp_name", token: "node:");
        StillGeneratesAndCompiles(run, "Demo.Node.g.cs");
        Assert.Contains(" Id { get; init; }", run.Source("Demo.Node.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Field_named_like_a_member_every_record_has_is_reported_at_the_field()
    {
        var file = Definition.Of("/defs/demo.yaml", """
            namespace: demo
            csharp_namespace: Demo
            objects:
              Node:
                version: "1.0"
                fields:
                  object_info: string
                  to_string: string
                  id: uuid
            """);
        var run = Run(file);

        ReportedAt(run, "VN0015", file, 7, 7, "Field 'object_info' gives the property name 'ObjectInfo', which every generated record has already; give the field a csharp_name", token: "object_info:");
        ReportedAt(run, "VN0015", file, 8, 7, "Field 'to_string' gives the property name 'ToString', which every generated record has already", token: "to_string:");
        StillGeneratesAndCompiles(run, "Demo.Node.g.cs");
    }

    [Fact]
    public void Two_objects_with_the_same_CSharp_name_are_reported_at_the_second()
    {
        var file = Definition.Of("/defs/demo.yaml", """
            namespace: demo
            csharp_namespace: Demo
            objects:
              Node:
                version: "1.0"
              Other:
                version: "1.0"
                csharp_name: Node
              Third:
                version: "1.0"
            """);
        var run = Run(file);

        Reported(run, "VN0015", file, 6, 3, "The C# type name 'Demo.Node' of object 'Other' is already taken by object 'Node'; give one of them a csharp_name", token: "Other:");
        StillGeneratesAndCompiles(run, "Demo.Node.g.cs", "Demo.Third.g.cs");
        Assert.Contains("ObjectName = \"Node\"", run.Source("Demo.Node.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Objects_of_two_wire_namespaces_in_one_CSharp_namespace_clash()
    {
        var first = Definition.Of("/defs/a.yaml", """
            namespace: demo
            csharp_namespace: Demo
            objects:
              Node:
                version: "1.0"
            """);
        var second = Definition.Of("/defs/b.yaml", """
            namespace: other
            csharp_namespace: Demo
            objects:
              Node:
                version: "1.0"
            """);
        var run = Run(first, second);

        Reported(run, "VN0015", second, 4, 3, "The C# type name 'Demo.Node' of object 'Node' is already taken by object 'Node'", token: "Node:");
        StillGeneratesAndCompiles(run, "Demo.Node.g.cs");
    }

    [Fact]
    public void Inline_enum_type_name_taken_by_an_object_is_reported_at_the_field()
    {
        var file = Definition.Of("/defs/demo.yaml", """
            namespace: demo
            csharp_namespace: Demo
            objects:
              Node:
                version: "1.0"
                fields:
                  state: { type: enum, values: [on, off] }
                  id: uuid
              NodeState:
                version: "1.0"
            """);
        var run = Run(file);

        Reported(run, "VN0015", file, 7, 7, "The C# type name 'Demo.NodeState' of the values of field 'state' of object 'Node' is already taken by object 'NodeState'", token: "state:");
        StillGeneratesAndCompiles(run, "Demo.Node.g.cs", "Demo.NodeState.g.cs");
    }

    [Fact]
    public void Object_named_event_types_takes_the_name_of_the_event_types_class()
    {
        var file = Definition.Of("/defs/demo.yaml", """
            namespace: demo
            csharp_namespace: Demo
            objects:
              EventTypes:
                version: "1.0"
              Node:
                version: "1.0"
            event_types:
              demo.node.create:
                payload: Node
            """);
        var run = Run(file);

        Reported(run, "VN0015", file, 1, 12, "The C# type name 'Demo.EventTypes' of the generated EventTypes class is already taken by object 'EventTypes'", token: "demo");
        StillGeneratesAndCompiles(run, "Demo.EventTypes.g.cs", "Demo.Node.g.cs");
    }

    [Fact]
    public void Enum_value_named_like_a_member_of_the_generated_struct_is_reported()
    {
        var file = Definition.Of("/defs/demo.yaml", """
            namespace: demo
            csharp_namespace: Demo
            enums:
              Mode:
                values: [value, mode, fast]
            """);
        var run = Run(file);

        ReportedAt(run, "VN0015", file, 5, 14, "The value 'value' gives the member name 'Value', which the generated Mode uses itself; give the value a csharp_name", token: "value,");
        OnlyReported(run, "VN0015", "VN0015");
        StillGeneratesAndCompiles(run, "Demo.Mode.g.cs");
        Assert.Contains("public static Mode Fast { get; }", run.Source("Demo.Mode.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Object_names_differing_only_in_case_do_not_crash_the_generator()
    {
        // Roslyn compares hint names ignoring case: Demo.Node.g.cs and Demo.node.g.cs are one file to it.
        var file = Definition.Of("/defs/demo.yaml", """
            namespace: demo
            csharp_namespace: Demo
            objects:
              Node:
                version: "1.0"
              node:
                version: "1.0"
                csharp_name: NODE
            """);
        var run = Run(file);

        Assert.True(run.Result.Results.All(r => r.Exception is null), "the generator threw: " + string.Join("\n", run.Result.Results.Select(r => r.Exception?.Message)));
        Assert.DoesNotContain(run.Diagnostics, d => d.Id is "CS8785" or "VN0999");
        Assert.Contains("Demo.Node.g.cs", run.HintNames);
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
    }

    [Fact]
    public void CSharp_namespaces_differing_only_in_case_do_not_crash_the_generator()
    {
        var first = Definition.Of("/defs/a.yaml", """
            namespace: demo
            csharp_namespace: Demo.Api
            objects:
              Node:
                version: "1.0"
            event_types:
              demo.node.create:
                payload: Node
            """);
        var second = Definition.Of("/defs/b.yaml", """
            namespace: other
            csharp_namespace: Demo.API
            objects:
              Node:
                version: "1.0"
            event_types:
              other.node.create:
                payload: Node
            """);
        var run = Run(first, second);

        Assert.True(run.Result.Results.All(r => r.Exception is null), "the generator threw: " + string.Join("\n", run.Result.Results.Select(r => r.Exception?.Message)));
        Assert.DoesNotContain(run.Diagnostics, d => d.Id is "CS8785" or "VN0999");
        Assert.Contains("Demo.Api.Node.g.cs", run.HintNames);
    }

    [Fact]
    public void Event_type_segments_named_like_object_members_are_reported_or_do_not_hide_them()
    {
        // EventTypes and its nested classes are classes: a member named Equals or ToString hides object's (CS0108).
        var file = Definition.Of("/defs/demo.yaml", """
            namespace: demo
            csharp_namespace: Demo
            objects:
              Node:
                version: "1.0"
            event_types:
              image.equals:
                payload: Node
              to_string.create:
                payload: Node
            """);
        var run = Run(file);

        Assert.True(
            run.CompilationProblems.Count == 0 || run.Diagnostics.Any(d => d.Id is "VN0011" or "VN0015"),
            "neither reported nor clean:\n" + string.Join("\n", run.CompilationProblems));
    }

    [Theory]
    [InlineData("required")]
    [InlineData("file")]
    [InlineData("scoped")]
    public void Type_name_the_compiler_rejects_is_an_invalid_identifier(string name)
    {
        var file = Definition.Of("/defs/demo.yaml", $"""
            namespace: demo
            csharp_namespace: Demo
            objects:
              Node:
                version: "1.0"
                csharp_name: {name}
              Other:
                version: "1.0"
            """);
        var run = Run(file);

        Reported(run, "VN0012", file, 4, 3, $"gives the C# name '{name}', which is not a valid identifier", token: "Node:");
        StillGeneratesAndCompiles(run, "Demo.Other.g.cs");
    }
}
