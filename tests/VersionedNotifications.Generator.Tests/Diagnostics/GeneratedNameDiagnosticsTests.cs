using System.Globalization;
using VersionedNotifications.Generator.Tests.Infrastructure;
using static VersionedNotifications.Generator.Tests.Diagnostics.DiagnosticAssert;

namespace VersionedNotifications.Generator.Tests.Diagnostics;

/// <summary>
/// Names the generator makes itself (converters, the JSON context and its properties, hint names) that
/// definitions could clash with: each clash is VN0015 on the YAML line, never CS8785 (the build goes on
/// with nothing generated) nor CS0101/CS0102 in generated code; the rest still generates and compiles.
/// </summary>
public sealed class GeneratedNameDiagnosticsTests
{
    [Fact]
    public void An_object_named_like_another_objects_converter_is_reported()
    {
        var file = Definition.Of("/defs/demo.yaml", """
            namespace: demo
            csharp_namespace: Demo
            objects:
              Foo:
                version: "1.0"
              FooJsonConverter:
                version: "1.0"
            """);
        var run = Run(file);

        Reported(run, "VN0015", file, 6, 3, "The C# type name 'Demo.FooJsonConverter' of object 'FooJsonConverter' is already taken by the converter of object 'Foo'", token: "FooJsonConverter:");
        StillGeneratesAndCompiles(run, "Demo.Foo.g.cs", "Demo.FooJsonConverter.g.cs", "Demo.NotificationsJsonContext.g.cs");
    }

    [Fact]
    public void An_object_named_like_the_JSON_context_is_reported()
    {
        var file = Definition.Of("/defs/demo.yaml", """
            namespace: demo
            csharp_namespace: Demo
            objects:
              Node:
                version: "1.0"
              NotificationsJsonContext:
                version: "1.0"
            """);
        var run = Run(file);

        Reported(run, "VN0015", file, 6, 3, "The C# type name 'Demo.NotificationsJsonContext' of object 'NotificationsJsonContext' is already taken by the generated JSON context", token: "NotificationsJsonContext:");
        StillGeneratesAndCompiles(run, "Demo.Node.g.cs", "Demo.NotificationsJsonContext.g.cs");
        Assert.Contains("partial class NotificationsJsonContext", run.Source("Demo.NotificationsJsonContext.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void An_object_named_like_the_JSON_context_of_the_root_namespace_is_reported()
    {
        var file = Definition.Of("/defs/demo.yaml", """
            namespace: demo
            csharp_namespace: OpenStack
            objects:
              OpenStackJsonContext:
                version: "1.0"
              Node:
                version: "1.0"
            """);
        var run = GeneratorHarness.Run([file], buildProperties: new Dictionary<string, string> { ["RootNamespace"] = "OpenStack" });

        Reported(run, "VN0015", file, 4, 3, "of object 'OpenStackJsonContext' is already taken by the generated JSON context (named from RootNamespace", token: "OpenStackJsonContext:");
        StillGeneratesAndCompiles(run, "OpenStack.Node.g.cs", "OpenStack.OpenStackJsonContext.g.cs");
    }

    [Fact]
    public void An_object_whose_context_property_meets_another_is_reported_and_left_out_of_the_context()
    {
        var file = Definition.Of("/defs/demo.yaml", """
            namespace: demo
            csharp_namespace: Demo
            objects:
              Default:
                version: "1.0"
              DefaultPayload:
                version: "1.0"
            """);
        var run = Run(file);

        Reported(run, "VN0015", file, 6, 3, "The C# type 'Demo.DefaultPayload' of object 'DefaultPayload': its property 'DefaultPayload' on the JSON context 'Demo.NotificationsJsonContext' would clash with the property of 'Demo.Default'", token: "DefaultPayload:");
        StillGeneratesAndCompiles(run, "Demo.Default.g.cs", "Demo.DefaultPayload.g.cs");
        Assert.DoesNotContain("typeof(global::Demo.DefaultPayload)", run.Source("Demo.NotificationsJsonContext.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Objects_of_one_name_in_two_namespaces_and_their_context_name_are_reported()
    {
        var first = Definition.Of("/defs/b.yaml", """
            namespace: b
            csharp_namespace: A.B
            objects:
              Foo:
                version: "1.0"
              ABFoo:
                version: "1.0"
            """);
        var second = Definition.Of("/defs/c.yaml", """
            namespace: c
            csharp_namespace: A.C
            objects:
              Foo:
                version: "1.0"
            """);
        var run = Run(first, second);

        Reported(run, "VN0015", first, 4, 3, "The C# type 'A.B.Foo' of object 'Foo': its property 'ABFoo' on the JSON context 'A.B.NotificationsJsonContext' would clash with the property of 'A.B.ABFoo'", token: "Foo:");
        StillGeneratesAndCompiles(run, "A.B.Foo.g.cs", "A.C.Foo.g.cs", "A.B.ABFoo.g.cs");
    }

    [Fact]
    public void A_context_property_that_meets_the_field_of_another_is_reported()
    {
        var file = Definition.Of("/defs/demo.yaml", """
            namespace: demo
            csharp_namespace: Demo
            objects:
              Node:
                version: "1.0"
              Underscored:
                version: "1.0"
                csharp_name: _node
            """);
        var run = Run(file);

        Reported(run, "VN0015", file, 6, 3, "its property '_node' on the JSON context 'Demo.NotificationsJsonContext' would clash with the field behind the property of 'Demo.Node'", token: "Underscored:");
        StillGeneratesAndCompiles(run, "Demo.Node.g.cs", "Demo._node.g.cs");
    }

    [Fact]
    public void A_type_named_like_a_namespace_is_reported()
    {
        var outer = Definition.Of("/defs/a.yaml", """
            namespace: outer
            csharp_namespace: Demo
            objects:
              Ironic:
                version: "1.0"
            """);
        var inner = Definition.Of("/defs/b.yaml", """
            namespace: inner
            csharp_namespace: Demo.Ironic
            objects:
              Node:
                version: "1.0"
            """);
        var run = Run(outer, inner);

        Reported(run, "VN0015", outer, 4, 3, "The C# type name 'Demo.Ironic' of object 'Ironic' is also the name of a C# namespace of the definitions", token: "Ironic:");
        StillGeneratesAndCompiles(run, "Demo.Ironic.Node.g.cs");
    }

    [Fact]
    public void Types_that_differ_only_in_case_across_namespaces_are_reported()
    {
        var first = Definition.Of("/defs/a.yaml", """
            namespace: first
            csharp_namespace: Demo.Ironic
            objects:
              Node:
                version: "1.0"
            """);
        var second = Definition.Of("/defs/b.yaml", """
            namespace: second
            csharp_namespace: Demo.ironic
            objects:
              Node:
                version: "1.0"
              Port:
                version: "1.0"
            """);
        var run = Run(first, second);

        Reported(run, "VN0015", second, 4, 3, "The C# type name 'Demo.ironic.Node' of object 'Node' differs only in case from 'Demo.Ironic.Node'", token: "Node:");
        StillGeneratesAndCompiles(run, "Demo.Ironic.Node.g.cs", "Demo.ironic.Port.g.cs");
    }

    [Fact]
    public void A_name_too_long_for_the_compiler_is_reported()
    {
        var longName = "N" + new string('o', 999);
        var file = Definition.Of("/defs/demo.yaml", $$"""
            namespace: demo
            csharp_namespace: Demo
            objects:
              {{longName}}:
                version: "1.0"
                fields:
                  {{longName.ToLowerInvariant()}}: string
              Node:
                version: "1.0"
                fields:
                  {{longName.ToLowerInvariant()}}: string
            """);
        var run = Run(file);

        ReportedAt(run, "VN0016", file, 4, 3, "Object 'Nooooo", token: "Noooo");
        ReportedAt(run, "VN0016", file, 11, 7, "Field 'noooo", token: "noooo");
        Assert.Contains("of 1000 characters; the generator takes at most 128", run.Diagnostics[0].GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        StillGeneratesAndCompiles(run, "Demo.Node.g.cs");
    }

    [Fact]
    public void A_hint_name_too_long_for_a_file_system_is_reported()
    {
        var longNamespace = string.Join(".", Enumerable.Range(0, 20).Select(i => "Segment" + i));
        var file = Definition.Of("/defs/demo.yaml", $$"""
            namespace: demo
            csharp_namespace: {{longNamespace}}
            objects:
              {{new string('N', 100)}}:
                version: "1.0"
              Node:
                version: "1.0"
            """);
        var run = Run(file);

        Reported(run, "VN0015", file, 4, 3, "would have a name of 295 UTF-8 bytes; file systems take at most 255", token: "NNNN");
        StillGeneratesAndCompiles(run, longNamespace + ".Node.g.cs");
    }

    [Fact]
    public void An_object_with_more_fields_than_the_limit_is_reported_and_generated_empty()
    {
        var fields = string.Join("\n", Enumerable.Range(0, 1_001).Select(i => $"      field{i}: integer"));
        var file = Definition.Of("/defs/demo.yaml", $"namespace: demo\ncsharp_namespace: Demo\nobjects:\n  Huge:\n    version: \"1.0\"\n    fields:\n{fields}\n  User:\n    version: \"1.0\"\n    fields:\n      huge: Huge\n");
        var run = Run(file);

        Reported(run, "VN0016", file, 4, 3, "Object 'Huge' has 1001 fields with those of its bases; the generator takes at most 1000", token: "Huge:");
        StillGeneratesAndCompiles(run, "Demo.Huge.g.cs", "Demo.User.g.cs");
        Assert.DoesNotContain("Field0", run.Source("Demo.Huge.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void An_enum_with_more_values_than_the_limit_is_reported_at_the_first_value_past_it()
    {
        var values = string.Join("\n", Enumerable.Range(0, 1_001).Select(i => $"      - value{i}"));
        var file = Definition.Of("/defs/demo.yaml", $"namespace: demo\ncsharp_namespace: Demo\nenums:\n  Mode:\n    values:\n{values}\n");
        var run = Run(file);

        Reported(run, "VN0016", file, 1_006, 9, "The enum Mode lists 1001 values; the generator takes at most 1000", token: "value1000");
        StillGeneratesAndCompiles(run, "Demo.Mode.g.cs");
        Assert.Contains("Value999 ", run.Source("Demo.Mode.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void An_object_too_deep_in_a_chain_of_extends_is_reported_at_its_extends()
    {
        var levels = string.Join("\n", Enumerable.Range(0, 18).Select(i =>
            $"  Level{i}:\n    version: \"1.0\"\n" + (i == 0 ? string.Empty : $"    extends: Level{i - 1}\n") + $"    fields:\n      field{i}: string"));
        var file = Definition.Of("/defs/demo.yaml", $"namespace: demo\ncsharp_namespace: Demo\nobjects:\n{levels}\n");
        var run = Run(file);

        ReportedAt(run, "VN0016", file, 10 + (5 * 16), 14, "Object 'Level17' is 17 levels down a chain of extends; the generator takes at most 16", token: "Level16");
        OnlyReported(run, "VN0016");
        StillGeneratesAndCompiles(run, "Demo.Level16.g.cs", "Demo.Level17.g.cs");
    }
}
