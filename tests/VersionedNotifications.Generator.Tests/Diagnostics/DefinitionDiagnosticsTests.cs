using System.Globalization;
using static VersionedNotifications.Generator.Tests.Diagnostics.DiagnosticAssert;

namespace VersionedNotifications.Generator.Tests.Diagnostics;

/// <summary>
/// What one definitions file can get wrong, reported on the exact YAML line and column (the
/// diagnostics of the parser). Each test also checks that the rest still generates and compiles.
/// </summary>
public sealed class DefinitionDiagnosticsTests
{
    // VN0001 Malformed YAML

    [Fact]
    public void Unclosed_flow_sequence_is_malformed_YAML_and_other_files_still_generate()
    {
        var broken = Definition.Of("/defs/broken.yaml", """
            namespace: demo
            csharp_namespace: Demo
            objects: [unclosed
            """);
        var run = Run(broken, Samples.Valid());

        Reported(run, "VN0001", broken, 4, 1, "cannot be read as YAML: While parsing a flow sequence, did not find expected ',' or ']'");
        OnlyReported(run, "VN0001");
        Assert.Equal(Samples.ValidHintNames.Append(Samples.ValidContextHintName).Order(StringComparer.Ordinal), run.HintNames);
        StillGeneratesAndCompiles(run);
    }

    [Fact]
    public void Bad_indentation_is_malformed_YAML_where_the_key_was_expected()
    {
        var broken = Definition.Of("/defs/broken.yaml", """
            namespace: demo
            csharp_namespace: Demo
            objects:
              Node:
                version: "1.0"
               fields:
                  id: uuid
            """);
        var run = Run(broken);

        Reported(run, "VN0001", broken, 6, 4, "indentation: 'fields' is indented 3 spaces", token: "fields:");
    }

    [Fact]
    public void Second_document_is_malformed_YAML_at_its_separator()
    {
        var broken = Definition.Of("/defs/broken.yaml", """
            namespace: demo
            csharp_namespace: Demo
            ---
            namespace: other
            """);
        var run = Run(broken);

        Reported(run, "VN0001", broken, 3, 1, "a definitions file holds one YAML document", token: "---");
    }

    [Fact]
    public void Alias_without_anchor_is_malformed_YAML_at_the_alias()
    {
        var broken = Definition.Of("/defs/broken.yaml", """
            namespace: demo
            csharp_namespace: *missing
            """);
        var run = Run(broken);

        Reported(run, "VN0001", broken, 2, 19, "the alias '*missing' names no anchor", token: "*missing");
    }

    [Fact]
    public void List_as_mapping_key_is_malformed_YAML_at_the_key()
    {
        var broken = Definition.Of("/defs/broken.yaml", """
            namespace: demo
            csharp_namespace: Demo
            ? [a, b]
            : c
            """);
        var run = Run(broken);

        Reported(run, "VN0001", broken, 3, 3, "mapping keys must be plain names, not a list", token: "[a, b]");
    }

    [Fact]
    public void Hostile_nesting_is_malformed_YAML_instead_of_a_stack_overflow()
    {
        var broken = Definition.Of("/defs/broken.yaml", "namespace: demo\ndescription: " + new string('[', 200) + new string(']', 200));
        var run = Run(broken);

        Reported(run, "VN0001", broken, 2, 13 + 65, "nesting deeper than 64 levels", token: "[");
    }

    [Fact]
    public void Tab_indentation_is_malformed_YAML_on_the_line_of_the_tab()
    {
        var broken = Definition.Of("/defs/broken.yaml", "namespace: demo\ncsharp_namespace: Demo\nobjects:\n\tNode:\n\t\tversion: \"1.0\"");
        var run = Run(broken);

        Reported(run, "VN0001", broken, 4, 1, "tab", token: "\tNode:");
    }

    [Fact]
    public void Unclosed_flow_mapping_of_a_field_is_malformed_YAML_not_an_internal_error()
    {
        // YamlDotNet throws InvalidOperationException here, not YamlException.
        var broken = Definition.Of("/defs/broken.yaml", """
            namespace: demo
            csharp_namespace: Demo
            objects:
              Node:
                version: "1.0"
                fields:
                  name: { type: string
                  id: uuid
            """);
        var run = Run(broken, Samples.Valid());

        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "VN0999");
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("VN0001", diagnostic.Id);
        Assert.Equal(broken.Path, diagnostic.Location.GetLineSpan().Path);
        Assert.InRange(diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1, 7, 9);
        StillGeneratesAndCompiles(run, Samples.ValidHintNames);
    }

    [Fact]
    public void Text_after_the_document_end_marker_is_malformed_YAML_not_an_internal_error()
    {
        // YamlDotNet throws InvalidOperationException ("The scanner should contain no more tokens") here.
        var broken = Definition.Of("/defs/broken.yaml", """
            ...
            namespace: demo
            """);
        var run = Run(broken);

        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "VN0999");
        Reported(run, "VN0001", broken, 2, 1, "cannot be read as YAML", token: "namespace");
    }

    [Fact]
    public void Malformed_YAML_at_the_end_of_a_file_without_final_newline_is_located_inside_the_file()
    {
        // The file has three lines; YamlDotNet's end-of-stream mark is on a fourth line that does not exist.
        var broken = new Definition("/defs/broken.yaml", "namespace: demo\ncsharp_namespace: Demo\nobjects: [unclosed");
        var run = Run(broken);

        Reported(run, "VN0001", broken, 3, 19, "did not find expected ',' or ']'");
    }

    // VN0002 Unknown key

    [Fact]
    public void Misspelled_object_key_is_reported_with_did_you_mean()
    {
        var file = Definition.Of("/defs/demo.yaml", """
            namespace: demo
            csharp_namespace: Demo
            objects:
              Node:
                verison: "1.1"
                version: "1.0"
                fields:
                  id: uuid
            """);
        var run = Run(file);

        Reported(run, "VN0002", file, 5, 5, "Unknown key 'verison' in object 'Node'; did you mean 'version'? (allowed: version, first_version, description, versioned, sparse, extends, base_versions, csharp_name, fields, history)", token: "verison");
        OnlyReported(run, "VN0002");
        StillGeneratesAndCompiles(run, "Demo.Node.g.cs");
        Assert.Contains("public required global::VersionedNotifications.Uuid Id", run.Source("Demo.Node.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Misspelled_field_key_in_flow_mapping_is_reported_with_did_you_mean()
    {
        var file = Definition.Of("/defs/demo.yaml", """
            namespace: demo
            csharp_namespace: Demo
            objects:
              Node:
                version: "1.0"
                fields:
                  name: { type: string, nulable: true }
            """);
        var run = Run(file);

        Reported(run, "VN0002", file, 7, 29, "Unknown key 'nulable' in field 'name' of object 'Node'; did you mean 'nullable'?", token: "nulable");
        StillGeneratesAndCompiles(run, "Demo.Node.g.cs");
    }

    [Fact]
    public void Unknown_root_key_without_near_match_lists_the_allowed_keys_only()
    {
        var file = Definition.Of("/defs/demo.yaml", """
            namespace: demo
            csharp_namespace: Demo
            colours: [red]
            objects:
              Node:
                version: "1.0"
            """);
        var run = Run(file);

        var diagnostic = Reported(run, "VN0002", file, 3, 1, "Unknown key 'colours' in the definitions file (allowed: namespace, csharp_namespace, description, enums, objects, event_types)", token: "colours");
        Assert.DoesNotContain("did you mean", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        StillGeneratesAndCompiles(run, "Demo.Node.g.cs");
    }

    // VN0003 Missing required key

    [Fact]
    public void Missing_namespace_is_reported_at_the_start_of_the_file()
    {
        var file = Definition.Of("/defs/demo.yaml", """
            csharp_namespace: Demo
            objects:
              Node:
                version: "1.0"
            """);
        var run = Run(file, Samples.Valid());

        Reported(run, "VN0003", file, 1, 1, "A definitions file needs the key 'namespace'", token: "csharp_namespace");
        Assert.Equal(Samples.ValidHintNames.Append(Samples.ValidContextHintName).Order(StringComparer.Ordinal), run.HintNames);
        StillGeneratesAndCompiles(run);
    }

    [Fact]
    public void Empty_file_needs_a_namespace()
    {
        var file = new Definition("/defs/empty.yaml", string.Empty);
        var run = Run(file);

        Reported(run, "VN0003", file, 1, 1, "A definitions file needs the key 'namespace'");
    }

    [Fact]
    public void Missing_version_is_reported_at_the_object_name()
    {
        var file = Definition.Of("/defs/demo.yaml", """
            namespace: demo
            csharp_namespace: Demo
            objects:
              Node:
                fields:
                  id: uuid
              Other:
                version: "1.0"
            """);
        var run = Run(file);

        Reported(run, "VN0003", file, 4, 3, "Versioned object 'Node' needs the key 'version'", token: "Node:");
        Assert.DoesNotContain("Demo.Node.g.cs", run.HintNames);
        StillGeneratesAndCompiles(run, "Demo.Other.g.cs");
    }

    [Fact]
    public void Missing_type_is_reported_at_the_field_name()
    {
        var file = Definition.Of("/defs/demo.yaml", """
            namespace: demo
            csharp_namespace: Demo
            objects:
              Node:
                version: "1.0"
                fields:
                  name: { nullable: true }
                  id: uuid
            """);
        var run = Run(file);

        Reported(run, "VN0003", file, 7, 7, "field 'name' of object 'Node' needs the key 'type'", token: "name:");
        StillGeneratesAndCompiles(run, "Demo.Node.g.cs");
        Assert.DoesNotContain(" Name ", run.Source("Demo.Node.g.cs"), StringComparison.Ordinal);
        Assert.Contains(" Id ", run.Source("Demo.Node.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_payload_is_reported_at_the_event_type_mapping()
    {
        var file = Definition.Of("/defs/demo.yaml", """
            namespace: demo
            csharp_namespace: Demo
            objects:
              Node:
                version: "1.0"
            event_types:
              demo.node.update:
                priority: info
              demo.node.create:
                payload: Node
            """);
        var run = Run(file);

        Reported(run, "VN0003", file, 8, 5, "event type 'demo.node.update' needs the key 'payload'", token: "priority: info");
        StillGeneratesAndCompiles(run, "Demo.EventTypes.g.cs", "Demo.Node.g.cs");
        Assert.DoesNotContain("demo.node.update", run.Source("Demo.EventTypes.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Enum_field_without_values_is_reported_at_its_type()
    {
        var file = Definition.Of("/defs/demo.yaml", """
            namespace: demo
            csharp_namespace: Demo
            enums:
              Mode:
                description: no values
            objects:
              Node:
                version: "1.0"
                fields:
                  kind: { type: enum }
                  id: uuid
            """);
        var run = Run(file);

        ReportedAt(run, "VN0003", file, 4, 3, "enum 'Mode' needs the key 'values'", token: "Mode:");
        ReportedAt(run, "VN0003", file, 10, 21, "field 'kind' of object 'Node' (type enum) needs the key 'values'", token: "enum }");
        OnlyReported(run, "VN0003", "VN0003");
        StillGeneratesAndCompiles(run, "Demo.Node.g.cs");
    }

    // VN0004 Invalid value

    [Fact]
    public void Version_with_leading_zero_is_an_invalid_value()
    {
        var file = Definition.Of("/defs/demo.yaml", """
            namespace: demo
            csharp_namespace: Demo
            objects:
              Node:
                version: "1.01"
              Other:
                version: "1.0"
            """);
        var run = Run(file);

        Reported(run, "VN0004", file, 5, 14, "Invalid value for 'version': '1.01' is not a version of the form major.minor", token: "\"1.01\"");
        StillGeneratesAndCompiles(run, "Demo.Other.g.cs");
    }

    [Fact]
    public void Unclosed_type_expression_is_an_invalid_value()
    {
        var file = Definition.Of("/defs/demo.yaml", """
            namespace: demo
            csharp_namespace: Demo
            objects:
              Node:
                version: "1.0"
                fields:
                  tags: "list<string"
                  id: uuid
            """);
        var run = Run(file);

        Reported(run, "VN0004", file, 7, 13, "Invalid value for 'type': 'list<string' is not a type expression: 'list<' is not closed with '>'", token: "\"list<string\"");
        StillGeneratesAndCompiles(run, "Demo.Node.g.cs");
    }

    [Fact]
    public void Secret_on_a_type_that_cannot_carry_the_mask_is_an_invalid_value()
    {
        var file = Definition.Of("/defs/demo.yaml", """
            namespace: demo
            csharp_namespace: Demo
            objects:
              Node:
                version: "1.0"
                fields:
                  pin:
                    type: integer
                    secret: true
                  password:
                    type: string
                    secret: true
                  driver_info:
                    type: flexible_dict
                    secret: true
            """);
        var run = Run(file);

        Reported(run, "VN0004", file, 9, 17, "Invalid value for 'secret': a field of type integer cannot be masked; secret fields are string or mac_address (sent as ******) or flexible_dict (values under secret-looking keys sent as ******)", token: "true");
        OnlyReported(run, "VN0004");
        StillGeneratesAndCompiles(run, "Demo.Node.g.cs");
    }

    [Fact]
    public void Masked_keys_outside_a_secret_dictionary_are_an_invalid_value()
    {
        var file = Definition.Of("/defs/demo.yaml", """
            namespace: demo
            csharp_namespace: Demo
            objects:
              Node:
                version: "1.0"
                fields:
                  extra:
                    type: flexible_dict
                    masked_keys: [image_url]
                  instance_info:
                    type: flexible_dict
                    secret: true
                    masked_keys: [image_url]
            """);
        var run = Run(file);

        Reported(run, "VN0004", file, 9, 22, "Invalid value for 'masked_keys': only a flexible_dict field with secret: true has keys to mask", token: "[image_url]");
        OnlyReported(run, "VN0004");
        StillGeneratesAndCompiles(run, "Demo.Node.g.cs");
        Assert.Contains("s_maskedKeys1 = new string[] { \"image_url\" }", run.Source("Demo.NodeJsonConverter.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_priority_is_an_invalid_value()
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
                priority: loud
            """);
        var run = Run(file);

        Reported(run, "VN0004", file, 9, 15, "Invalid value for 'priority': 'loud' is not one of debug, info, warn, error, critical, audit, sample", token: "loud");
        StillGeneratesAndCompiles(run, "Demo.Node.g.cs", "Demo.EventTypes.g.cs");
    }

    [Fact]
    public void Upper_case_wire_namespace_is_an_invalid_value()
    {
        var file = Definition.Of("/defs/demo.yaml", """
            namespace: Demo
            csharp_namespace: Demo
            objects:
              Node:
                version: "1.0"
            """);
        var run = Run(file, Samples.Valid());

        Reported(run, "VN0004", file, 1, 12, "Invalid value for 'namespace': 'Demo' must be lower case letters, digits and underscores", token: "Demo");
        StillGeneratesAndCompiles(run, Samples.ValidHintNames);
    }

    // VN0006 Duplicate name, within one file

    [Fact]
    public void Object_defined_twice_in_a_file_is_reported_at_the_second()
    {
        var file = Definition.Of("/defs/demo.yaml", """
            namespace: demo
            csharp_namespace: Demo
            objects:
              Node:
                version: "1.0"
                fields:
                  id: uuid
              Node:
                version: "2.0"
              Other:
                version: "1.0"
            """);
        var run = Run(file);

        Reported(run, "VN0006", file, 8, 3, "Object 'Node' is defined more than once in this file", token: "Node:");
        StillGeneratesAndCompiles(run, "Demo.Node.g.cs", "Demo.Other.g.cs");
        Assert.Contains("ObjectVersion = \"1.0\"", run.Source("Demo.Node.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Key_written_twice_is_reported_at_the_second()
    {
        var file = Definition.Of("/defs/demo.yaml", """
            namespace: demo
            csharp_namespace: Demo
            objects:
              Node:
                version: "1.0"
                version: "1.1"
            """);
        var run = Run(file);

        Reported(run, "VN0006", file, 6, 5, "Key 'version' is defined more than once in object 'Node'", token: "version: \"1.1\"");
        StillGeneratesAndCompiles(run, "Demo.Node.g.cs");
    }

    [Fact]
    public void Enum_value_and_family_status_listed_twice_are_reported_at_the_second()
    {
        var file = Definition.Of("/defs/demo.yaml", """
            namespace: demo
            csharp_namespace: Demo
            enums:
              Mode:
                values: [fast, slow, fast]
            objects:
              Node:
                version: "1.0"
            event_types:
              demo.node.power_set:
                payload: Node
                statuses: [start, end, start]
            """);
        var run = Run(file);

        ReportedAt(run, "VN0006", file, 5, 26, "Value 'fast' is defined more than once in enum 'Mode'", token: "fast]");
        ReportedAt(run, "VN0006", file, 12, 28, "Status 'start' is defined more than once in family 'demo.node.power_set'", token: "start]");
        StillGeneratesAndCompiles(run, "Demo.Mode.g.cs", "Demo.Node.g.cs", "Demo.EventTypes.g.cs");
        var eventTypes = run.Source("Demo.EventTypes.g.cs");
        Assert.Contains("\"demo.node.power_set.start\"", eventTypes, StringComparison.Ordinal);
        Assert.Contains("\"demo.node.power_set.end\"", eventTypes, StringComparison.Ordinal);
    }

    // VN0007 Field added after the current version

    [Fact]
    public void Since_later_than_the_version_is_reported_at_since()
    {
        var file = Definition.Of("/defs/demo.yaml", """
            namespace: demo
            csharp_namespace: Demo
            objects:
              Node:
                version: "1.2"
                fields:
                  id: uuid
                  name: { type: string, since: "1.3" }
            """);
        var run = Run(file);

        Reported(run, "VN0007", file, 8, 36, "Field 'name' has since '1.3', later than the version '1.2' of object 'Node'", token: "\"1.3\"");
        StillGeneratesAndCompiles(run, "Demo.Node.g.cs");
    }

    // VN0011 Invalid event type (written wrong in one file)

    [Fact]
    public void Upper_case_event_type_is_invalid_at_its_name()
    {
        var file = Definition.Of("/defs/demo.yaml", """
            namespace: demo
            csharp_namespace: Demo
            objects:
              Node:
                version: "1.0"
            event_types:
              Demo.Node.Create:
                payload: Node
              demo.node.delete:
                payload: Node
            """);
        var run = Run(file);

        Reported(run, "VN0011", file, 7, 3, "Invalid event type 'Demo.Node.Create': write dotted segments of lower case letters", token: "Demo.Node.Create:");
        StillGeneratesAndCompiles(run, "Demo.EventTypes.g.cs");
        Assert.Contains("\"demo.node.delete\"", run.Source("Demo.EventTypes.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Family_status_outside_start_end_error_success_progress_is_invalid_at_the_status()
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
                statuses: [start, finish, end]
            """);
        var run = Run(file);

        Reported(run, "VN0011", file, 9, 23, "Invalid event type 'demo.node.power_set.finish': 'finish' is not a status of an event family; use start, end, error, success or progress", token: "finish");
        StillGeneratesAndCompiles(run, "Demo.EventTypes.g.cs");
        var eventTypes = run.Source("Demo.EventTypes.g.cs");
        Assert.Contains("\"demo.node.power_set.start\"", eventTypes, StringComparison.Ordinal);
        Assert.Contains("\"demo.node.power_set.end\"", eventTypes, StringComparison.Ordinal);
        Assert.DoesNotContain("finish", eventTypes, StringComparison.Ordinal);
    }

    [Fact]
    public void Alias_with_bad_syntax_is_invalid_at_the_alias()
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
                aliases: [Demo.Node.Made, demo.node.made]
            """);
        var run = Run(file);

        Reported(run, "VN0011", file, 9, 15, "Invalid event type 'Demo.Node.Made'", token: "Demo.Node.Made");
        StillGeneratesAndCompiles(run, "Demo.EventTypes.g.cs");
        Assert.Contains("\"demo.node.made\" => Demo.Node.Create", run.Source("Demo.EventTypes.g.cs"), StringComparison.Ordinal);
    }

    // VN0012 Invalid C# identifier

    [Fact]
    public void Field_name_giving_an_invalid_identifier_is_reported_at_the_field()
    {
        var file = Definition.Of("/defs/demo.yaml", """
            namespace: demo
            csharp_namespace: Demo
            objects:
              Node:
                version: "1.0"
                fields:
                  1st_try: integer
                  id: uuid
            """);
        var run = Run(file);

        Reported(run, "VN0012", file, 7, 7, "'1st_try' gives the C# name '1stTry', which is not a valid identifier; give the field a csharp_name", token: "1st_try:");
        StillGeneratesAndCompiles(run, "Demo.Node.g.cs");
    }

    [Fact]
    public void Enum_value_without_letters_needs_a_CSharp_name()
    {
        var file = Definition.Of("/defs/demo.yaml", """
            namespace: demo
            csharp_namespace: Demo
            enums:
              Mode:
                values: ["*", normal, { value: "+", csharp_name: Plus }]
            """);
        var run = Run(file);

        Reported(run, "VN0012", file, 5, 14, "'*' gives the C# name '', which is not a valid identifier; write the value as { value: ..., csharp_name: ... }", token: "\"*\"");
        StillGeneratesAndCompiles(run, "Demo.Mode.g.cs");
        var source = run.Source("Demo.Mode.g.cs");
        Assert.Contains("public static Mode Normal { get; } = new(\"normal\");", source, StringComparison.Ordinal);
        Assert.Contains("public static Mode Plus { get; } = new(\"+\");", source, StringComparison.Ordinal);
    }

    [Fact]
    public void Enum_field_whose_values_are_all_invalid_is_left_out()
    {
        var file = Definition.Of("/defs/demo.yaml", """
            namespace: demo
            csharp_namespace: Demo
            objects:
              Node:
                version: "1.0"
                fields:
                  kind: { type: enum, values: ["*"] }
                  id: uuid
            """);
        var run = Run(file);

        Reported(run, "VN0012", file, 7, 36, "'*' gives the C# name '', which is not a valid identifier", token: "\"*\"");
        StillGeneratesAndCompiles(run, "Demo.Node.g.cs");
        Assert.DoesNotContain(" Kind ", run.Source("Demo.Node.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Object_name_that_gives_no_identifier_needs_a_CSharp_name()
    {
        var file = Definition.Of("/defs/demo.yaml", """
            namespace: demo
            csharp_namespace: Demo
            objects:
              2nd-object:
                version: "1.0"
              Other:
                version: "1.0"
            """);
        var run = Run(file);

        Reported(run, "VN0012", file, 4, 3, "'2nd-object' gives the C# name '2ndObject', which is not a valid identifier; give the object a csharp_name", token: "2nd-object:");
        StillGeneratesAndCompiles(run, "Demo.Other.g.cs");
    }

    [Fact]
    public void CSharp_namespace_with_a_digit_segment_is_reported()
    {
        var file = Definition.Of("/defs/demo.yaml", """
            namespace: demo
            csharp_namespace: Demo.1x
            objects:
              Node:
                version: "1.0"
            """);
        var run = Run(file, Samples.Valid());

        Reported(run, "VN0012", file, 2, 19, "'csharp_namespace' gives the C# name 'Demo.1x', which is not a valid identifier: each dotted part must be a C# identifier", token: "Demo.1x");
        StillGeneratesAndCompiles(run, Samples.ValidHintNames);
    }

    [Fact]
    public void Keyword_as_CSharp_name_is_reported()
    {
        var file = Definition.Of("/defs/demo.yaml", """
            namespace: demo
            csharp_namespace: Demo
            objects:
              Node:
                version: "1.0"
                fields:
                  kind: { type: string, csharp_name: class }
                  id: uuid
            """);
        var run = Run(file);

        Reported(run, "VN0012", file, 7, 7, "'kind' gives the C# name 'class', which is not a valid identifier", token: "kind:");
        StillGeneratesAndCompiles(run, "Demo.Node.g.cs");
    }
}
