using VersionedNotifications.Tool.Tests.Infrastructure;

namespace VersionedNotifications.Tool.Tests;

/// <summary>
/// What <c>vnotify check</c> says about names the generator makes itself, and what the publishers do
/// with definitions that are valid but sparse (objects and no event types).
/// </summary>
public sealed class GeneratorEdgeCommandTests
{
    [Fact]
    public void Check_reports_an_object_named_like_another_objects_converter()
    {
        using var folder = new TemporaryFolder("check-converter-name");
        folder.Write("defs/demo.yaml", "namespace: demo\ncsharp_namespace: Demo\nobjects:\n  Foo:\n    version: \"1.0\"\n  FooJsonConverter:\n    version: \"1.0\"\n");

        var outcome = Vnotify.Run("check", "--definitions", Path.Combine(folder.Path, "defs"));

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("demo.yaml(6,3): error VN0015: The C# type name 'Demo.FooJsonConverter' of object 'FooJsonConverter' is already taken by the converter of object 'Foo'", outcome.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_names_the_json_context_from_the_root_namespace_it_is_given()
    {
        using var folder = new TemporaryFolder("check-context-name");
        folder.Write("defs/demo.yaml", "namespace: demo\ncsharp_namespace: OpenStack\nobjects:\n  OpenStackJsonContext:\n    version: \"1.0\"\n");
        var definitions = Path.Combine(folder.Path, "defs");

        var withoutRoot = Vnotify.Run("check", "--definitions", definitions);
        var withRoot = Vnotify.Run("check", "--definitions", definitions, "--root-namespace", "OpenStack");
        var withExplicitName = Vnotify.Run("check", "--definitions", definitions, "--root-namespace", "OpenStack", "--json-context", "OpenStack.Contracts");

        Assert.Equal(0, withoutRoot.ExitCode);
        Assert.Equal(1, withRoot.ExitCode);
        Assert.Contains("demo.yaml(4,3): error VN0015: The C# type name 'OpenStack.OpenStackJsonContext' of object 'OpenStackJsonContext' is already taken by the generated JSON context", withRoot.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(0, withExplicitName.ExitCode);
    }

    [Fact]
    public void Check_refuses_a_yaml_alias_bomb()
    {
        using var folder = new TemporaryFolder("check-alias-bomb");
        var levels = string.Join("\n", Enumerable.Range(0, 9).Select(level =>
        {
            var name = (char)('a' + level);
            var items = level == 0 ? string.Join(", ", Enumerable.Repeat("lol", 10)) : string.Join(", ", Enumerable.Repeat("*" + (char)(name - 1), 10));
            return $"    {name}: &{name} [{items}]";
        }));
        folder.Write("defs/laughs.yaml", $"namespace: demo\ncsharp_namespace: Demo\ndescription:\n{levels}\n");

        var outcome = Vnotify.Run("check", "--definitions", Path.Combine(folder.Path, "defs"));

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("laughs.yaml(7,", outcome.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("error VN0001: The definitions file cannot be read as YAML: the aliases up to '*c' stand for more than 10,000 nodes", outcome.StandardOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("docs", "demo.md")]
    [InlineData("schema", "demo/Thing/1.0.json")]
    [InlineData("asyncapi", "demo.yaml")]
    public void Definitions_with_objects_and_no_event_types_publish(string command, string expectedFile)
    {
        using var folder = new TemporaryFolder("objects-only-" + command);
        folder.Write("defs/demo.yaml", "namespace: demo\ncsharp_namespace: Demo\nobjects:\n  Thing:\n    version: \"1.0\"\n    fields:\n      size: integer\n");
        var output = Path.Combine(folder.Path, "out");

        var outcome = Vnotify.Run(command, "--definitions", Path.Combine(folder.Path, "defs"), "--out", output);

        Assert.True(outcome.ExitCode == 0, outcome.StandardError);
        Assert.True(File.Exists(Path.Combine(output, expectedFile)), $"no {expectedFile} in: {string.Join(", ", Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories))}");
    }

    [Fact]
    public void Docs_of_objects_that_list_and_extend_each_other_stay_small()
    {
        // Each object lists the one before it and every other one extends it: examples that showed
        // every list's element doubled at each level (2^40 objects here; the run never ended).
        using var folder = new TemporaryFolder("docs-nested-lists");
        var objects = string.Concat(Enumerable.Range(0, 80).Select(i =>
            $"  Object{i}:\n    version: \"1.0\"\n" + (i % 2 == 1 ? $"    extends: Object{i - 1}\n" : string.Empty)
            + $"    fields:\n      id{i}: uuid\n" + (i > 0 ? $"      all{i}: list<Object{i - 1}>\n" : string.Empty)));
        var events = string.Concat(Enumerable.Range(0, 80).Select(i => $"  demo.object{i}.update:\n    payload: Object{i}\n"));
        folder.Write("defs/demo.yaml", $"namespace: demo\ncsharp_namespace: Demo\nobjects:\n{objects}event_types:\n{events}");
        var output = Path.Combine(folder.Path, "out");

        var outcome = Vnotify.Run("docs", "--definitions", Path.Combine(folder.Path, "defs"), "--out", output);

        Assert.True(outcome.ExitCode == 0, outcome.StandardError);
        Assert.True(new FileInfo(Path.Combine(output, "demo.md")).Length < 2_000_000, "the page is out of proportion to 80 objects");
    }

    [Fact]
    public void Docs_refuse_an_example_whose_objects_nest_too_deep()
    {
        using var folder = new TemporaryFolder("docs-deep-chain");
        var objects = string.Concat(Enumerable.Range(0, 40).Select(i =>
            $"  C{i}:\n    version: \"1.0\"\n    fields:\n      id: uuid\n" + (i + 1 < 40 ? $"      next: C{i + 1}\n" : string.Empty)));
        folder.Write("defs/demo.yaml", $"namespace: demo\ncsharp_namespace: Demo\nobjects:\n{objects}event_types:\n  demo.chain.update:\n    payload: C0\n");

        var outcome = Vnotify.Run("docs", "--definitions", Path.Combine(folder.Path, "defs"), "--out", Path.Combine(folder.Path, "out"));

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("the example payload of demo.C", outcome.StandardError, StringComparison.Ordinal);
        Assert.Contains("nested more than 32 deep", outcome.StandardError, StringComparison.Ordinal);
    }
}
