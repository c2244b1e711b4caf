using static VersionedNotifications.Generator.Tests.Diagnostics.DiagnosticAssert;

namespace VersionedNotifications.Generator.Tests.Diagnostics;

/// <summary>
/// What can go wrong with the keys issue 15 added (optional, sparse, first_version, base_versions,
/// child_versions, enum value since and repeat, re-declared inherited fields, progress), on its YAML line.
/// </summary>
public sealed class NewConstructDiagnosticsTests
{
    private static Definition Demo(string objects) => Definition.Of("/defs/demo.yaml", "namespace: demo\ncsharp_namespace: Demo\nobjects:\n" + objects.ReplaceLineEndings("\n"));

    [Fact]
    public void Optional_field_with_a_default_is_invalid_at_the_default()
    {
        var file = Demo("""
              Node:
                version: "1.0"
                fields:
                  name: { type: string, optional: true, default: "x" }
            """);
        var run = Run(file);

        Reported(run, "VN0004", file, 7, 54, "field 'name' of object 'Node' has a default, but it is optional: an unset field has no value to default", token: "\"x\"");
        OnlyReported(run, "VN0004");
    }

    [Fact]
    public void Field_of_a_sparse_object_with_a_default_is_invalid_unless_it_says_optional_false()
    {
        var file = Demo("""
              Props:
                version: "1.0"
                sparse: true
                fields:
                  size: { type: integer, default: 0 }
                  kept: { type: integer, optional: false, default: 0 }
            """);
        var run = Run(file);

        Reported(run, "VN0004", file, 8, 39, "it is optional (object 'Props' is sparse)", token: "0 }");
        OnlyReported(run, "VN0004");
    }

    [Fact]
    public void First_version_later_than_the_version_is_invalid()
    {
        var file = Demo("""
              Node:
                version: "1.1"
                first_version: "1.2"
            """);
        var run = Run(file);

        Reported(run, "VN0004", file, 6, 20, "object 'Node' starts at 1.2, later than its version 1.1", token: "\"1.2\"");
        OnlyReported(run, "VN0004");
    }

    [Fact]
    public void History_that_does_not_start_at_the_first_version_is_invalid_at_its_first_entry()
    {
        var file = Demo("""
              InstanceCreatePayload:
                version: "1.3"
                first_version: "1.2"
                history:
                  "1.0": Initial.
                  "1.3": Add tags.
            """);
        var run = Run(file);

        Reported(run, "VN0004", file, 8, 7, "the history of object 'InstanceCreatePayload' starts at 1.0, but its first_version is 1.2; start the history at \"1.2\"", token: "\"1.0\"");
        OnlyReported(run, "VN0004");
    }

    [Fact]
    public void Base_versions_without_extends_is_invalid()
    {
        var file = Demo("""
              Node:
                version: "1.0"
                base_versions: { "1.0": "1.0" }
            """);
        var run = Run(file);

        Reported(run, "VN0004", file, 6, 5, "object 'Node' extends no object, so it has no base versions", token: "base_versions");
        OnlyReported(run, "VN0004");
    }

    [Theory]
    [InlineData("{ \"1.1\": \"1.0\" }", 20, "\"1.1\"", "the first step is at 1.1, but object 'Action' starts at 1.0; begin with \"1.0\"")]
    [InlineData("{ \"1.0\": \"1.0\", \"1.3\": \"1.0\" }", 34, "\"1.3\"", "1.3 is not a version in the history of object 'Action'")]
    [InlineData("{ \"1.0\": \"1.0\", \"1.2\": \"1.1\", \"1.1\": \"1.1\" }", 48, "\"1.1\"", "the versions of object 'Action' are listed oldest first; 1.1 comes after 1.2")]
    [InlineData("{ \"1.0\": \"1.1\", \"1.2\": \"1.0\" }", 41, "\"1.0\"", "1.2 carries 1.0, older than the 1.1 that 1.0 carries already; the version carried never goes down")]
    public void Base_versions_must_step_up_through_the_history(string mapping, int column, string token, string message)
    {
        var file = Demo($$"""
              Base:
                version: "1.1"
                history:
                  "1.0": Initial.
                  "1.1": More.
              Action:
                version: "1.2"
                extends: Base
                base_versions: {{mapping}}
                history:
                  "1.0": Initial.
                  "1.1": More.
                  "1.2": Base bumped.
            """);
        var run = Run(file);

        Reported(run, "VN0004", file, 12, column + 2, message, token);
        OnlyReported(run, "VN0004");
    }

    [Fact]
    public void Base_version_that_the_base_never_had_is_invalid_once_the_base_resolves()
    {
        var file = Demo("""
              Base:
                version: "1.1"
                history:
                  "1.0": Initial.
                  "1.1": More.
              Action:
                version: "1.0"
                extends: Base
                base_versions: { "1.0": "1.4" }
            """);
        var run = Run(file);

        Reported(run, "VN0004", file, 12, 22, "base_versions of object 'Action' maps 1.0 to 1.4, which is not a version of its base 'Base' (1.0, 1.1)", token: "\"1.0\"");
        OnlyReported(run, "VN0004");
        StillGeneratesAndCompiles(run, "Demo.Action.g.cs");
    }

    [Fact]
    public void Child_versions_only_on_object_fields_and_only_with_the_childs_versions()
    {
        var file = Demo("""
              Fault:
                version: "1.0"
              Payload:
                version: "1.0"
                fields:
                  name: { type: string, child_versions: { "1.0": "1.0" } }
                  fault: { type: Fault, child_versions: { "1.0": "1.1" } }
                  state: { type: State, child_versions: { "1.0": "1.0" } }
            enums:
              State:
                values: [a]
            """);
        var run = Run(file);

        ReportedAt(run, "VN0004", file, 9, 45, "only a field that holds an object (or a list or dict of one) has child versions; field 'name' of object 'Payload' has type string", token: "{ \"1.0\": \"1.0\" } }");
        ReportedAt(run, "VN0004", file, 10, 47, "child_versions of field 'fault' of object 'Payload' maps 1.0 to 1.1, which is not a version of object 'Fault' (1.0)", token: "\"1.0\": \"1.1\"");
        ReportedAt(run, "VN0004", file, 11, 47, "field 'state' of object 'Payload' holds enum 'State', which has no versions", token: "\"1.0\"");
        OnlyReported(run, "VN0004", "VN0004", "VN0004");
    }

    [Fact]
    public void Inline_enum_value_since_later_than_the_object_is_invalid()
    {
        var file = Demo("""
              Props:
                version: "1.12"
                fields:
                  hw_video_model: { type: enum, values: [vga, { value: gop, since: "1.13" }] }
            """);
        var run = Run(file);

        Reported(run, "VN0004", file, 7, 72, "value 'gop' of field 'hw_video_model' of object 'Props' has since 1.13, later than the version 1.12 of object 'Props'", token: "\"1.13\"");
        OnlyReported(run, "VN0004");
    }

    [Fact]
    public void Named_enum_value_since_later_than_an_object_that_uses_it_is_invalid_at_the_value()
    {
        var file = Demo("""
              Old:
                version: "1.2"
                fields:
                  policy: CpuPolicy
              New:
                version: "1.5"
                fields:
                  policy: CpuPolicy
            enums:
              CpuPolicy:
                values:
                  - dedicated
                  - { value: mixed, since: "1.5" }
            """);
        var run = Run(file);

        Reported(run, "VN0004", file, 16, 9, "value 'mixed' of enum 'CpuPolicy' has since 1.5, later than the version 1.2 of object 'Old', which uses the enum in field 'policy'", token: "{ value: mixed");
        OnlyReported(run, "VN0004");
    }

    [Fact]
    public void Repeated_enum_value_needs_repeat_true_and_generates_one_member()
    {
        var repeated = Demo("""
              Node:
                version: "1.0"
                fields:
                  power: { type: enum, values: [pending, running, pending] }
            """);
        var run = Run(repeated);
        Reported(run, "VN0006", repeated, 7, 55, "Value 'pending' is defined more than once in field 'power' of object 'Node'; if the real enum lists it twice, write the second as { value: \"pending\", repeat: true }", token: "pending]");
        OnlyReported(run, "VN0006");

        var marked = Demo("""
              Node:
                version: "1.0"
                fields:
                  power: { type: enum, values: [pending, running, { value: pending, repeat: true }] }
            """);
        run = Run(marked);
        OnlyReported(run);
        StillGeneratesAndCompiles(run, "Demo.NodePower.g.cs");
        var power = run.Source("Demo.NodePower.g.cs");
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(power, @"public static NodePower Pending \{"));
        Assert.Contains("KnownValues { get; } = new NodePower[] { Pending, Running };", power, StringComparison.Ordinal);
    }

    [Fact]
    public void Repeat_without_an_earlier_value_is_invalid()
    {
        var file = Demo("""
              Node:
                version: "1.0"
                fields:
                  power: { type: enum, values: [running, { value: pending, repeat: true }] }
            """);
        var run = Run(file);

        Reported(run, "VN0004", file, 7, 46, "'pending' is marked repeat: true, but no earlier value of field 'power' of object 'Node' is 'pending'", token: "{ value: pending");
        OnlyReported(run, "VN0004");
    }

    [Fact]
    public void Identical_redeclaration_of_an_inherited_field_is_accepted_and_generates_no_second_property()
    {
        var file = Demo("""
              Base:
                version: "1.0"
                fields:
                  uuid: uuid
                  request_id: { type: string, nullable: true, description: The request. }
                  name: string
              Derived:
                version: "1.0"
                extends: Base
                fields:
                  request_id: { type: string, nullable: true, description: "Said again, as nova does." }
                  extra: integer
            """);
        var run = Run(file);

        OnlyReported(run);
        StillGeneratesAndCompiles(run, "Demo.Derived.g.cs", "Demo.DerivedJsonConverter.g.cs");
        Assert.DoesNotContain("RequestId", run.Source("Demo.Derived.g.cs"), StringComparison.Ordinal);
        Assert.Contains("Extra", run.Source("Demo.Derived.g.cs"), StringComparison.Ordinal);

        // The converter reads and writes request_id once, at the derived object's place, as oslo.versionedobjects'
        // fields dict has it (the class's own fields first, nova's InstanceActionPayload: fault, request_id, uuid...).
        var converter = run.Source("Demo.DerivedJsonConverter.g.cs");
        var baseConverter = run.Source("Demo.BaseJsonConverter.g.cs");
        Assert.Equal(Count(baseConverter, "\"request_id\""), Count(converter, "\"request_id\""));
        var uuid = converter.IndexOf("\"uuid\"", StringComparison.Ordinal);
        var requestId = converter.IndexOf("\"request_id\"", StringComparison.Ordinal);
        var name = converter.IndexOf("\"name\"", StringComparison.Ordinal);
        var extra = converter.IndexOf("\"extra\"", StringComparison.Ordinal);
        Assert.True(requestId < extra && extra < uuid && uuid < name, converter);
    }

    [Fact]
    public void Conflicting_redeclaration_of_an_inherited_field_says_what_differs()
    {
        var file = Demo("""
              Base:
                version: "1.0"
                fields:
                  request_id: { type: string, nullable: true }
              Derived:
                version: "1.0"
                extends: Base
                fields:
                  request_id: { type: integer, optional: true }
            """);
        var run = Run(file);

        Reported(run, "VN0006", file, 12, 7, "Field 'request_id' is defined more than once: base object 'Base' has it already, and this declaration differs in type (integer here, string in the base); nullable (false here, true in the base); optional (true here, false in the base)", token: "request_id");
        OnlyReported(run, "VN0006");
        StillGeneratesAndCompiles(run, "Demo.Derived.g.cs");
    }

    [Fact]
    public void Progress_status_generates_its_event_type()
    {
        var file = Demo("""
              Node:
                version: "1.0"
            event_types:
              demo.node.migrate:
                payload: Node
                statuses: [start, progress, end]
            """);
        var run = Run(file);

        OnlyReported(run);
        StillGeneratesAndCompiles(run, "Demo.EventTypes.g.cs");
        Assert.Contains("\"demo.node.migrate.progress\"", run.Source("Demo.EventTypes.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_history_that_starts_at_the_first_version_is_in_sequence_and_one_that_skips_its_start_is_not()
    {
        const string object_ = """
              InstanceCreatePayload:
                version: "1.3"
                {0}
                fields:
                  keypairs: string
                  tags: { type: string, since: "1.3" }
                history:
                  "1.2": Took over the history of its base.
                  "1.3": Add tags.
            """;
        var declared = Demo(object_.Replace("{0}", "first_version: \"1.2\"", StringComparison.Ordinal));
        var undeclared = Demo(object_.Replace("{0}", "description: Starts at 1.2 without saying so.", StringComparison.Ordinal));

        // The file reads, so the analyzer checks it (a file with errors is left to the generator).
        Assert.False(VersionedNotifications.Generator.Parsing.DefinitionParser.Parse(declared.Path, declared.Text).Value.HasErrors);
        Compatibility.CompatibilityHarness.Only(Compatibility.CompatibilityHarness.Analyze(null, declared));
        Compatibility.CompatibilityHarness.Single(
            Compatibility.CompatibilityHarness.Analyze(null, undeclared),
            "VN0206",
            Microsoft.CodeAnalysis.DiagnosticSeverity.Error,
            undeclared.Path,
            11,
            7,
            "the history of InstanceCreatePayload starts at 1.2; list every version from 1.0, or say first_version: \"1.2\" if the object starts there");
    }

    private static int Count(string text, string fragment) =>
        (text.Length - text.Replace(fragment, string.Empty, StringComparison.Ordinal).Length) / fragment.Length;
}
