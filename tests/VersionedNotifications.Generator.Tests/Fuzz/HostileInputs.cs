using VersionedNotifications.Generator.Tests.Scale;

namespace VersionedNotifications.Generator.Tests.Fuzz;

/// <summary>One hostile input: its files, and whether the generator must refuse it (a VN error) or generate code that compiles.</summary>
internal sealed record HostileInput(string Name, IReadOnlyList<(string Path, string Text)> Files, bool MustBeRefused);

/// <summary>
/// Inputs written to break the generator rather than found by mutation: generated names that clash,
/// names too long for the compiler, deep chains of contained and extended objects, YAML alias bombs,
/// and many objects. Each is built from its parameters, the same on every run.
/// </summary>
internal static class HostileInputs
{
    public static IEnumerable<HostileInput> All(int chainLength)
    {
        yield return Refused("object named like another object's converter", Objects("Foo", "FooJsonConverter"));
        yield return Refused("object named like the JSON context", Objects("Node", "NotificationsJsonContext"));
        yield return Refused("object named like a namespace", [.. File("a", "Demo", Object("Ironic")), .. File("b", "Demo.Ironic", Object("Node"))]);
        yield return Refused("types differing only in case", [.. File("a", "Demo.Ironic", Object("Node")), .. File("b", "Demo.ironic", Object("Node"))]);
        yield return Refused("context property Default and DefaultPayload", Objects("Default", "DefaultPayload"));
        yield return Refused("context properties A.B.Foo, A.C.Foo and ABFoo", [.. File("b", "A.B", Object("Foo") + Object("ABFoo")), .. File("c", "A.C", Object("Foo"))]);
        yield return Refused("enum value named like the struct's field", File("e", "Demo", string.Empty, "enums:\n  Mode:\n    values:\n      - { value: x, csharp_name: _value }\n"));
        yield return Refused("inline enum named like an object", File("i", "Demo", Object("NodeState") + Object("Node", "      state: { type: enum, values: [a, b] }\n")));

        foreach (var length in new[] { 129, 1_000, 5_000 })
        {
            var name = "N" + new string('x', length - 1);
            yield return Refused($"object name of {length} characters", Objects(name));
            yield return Refused($"field name of {length} characters", File("f", "Demo", Object("Node", $"      {name.ToLowerInvariant()}: string\n")));
            yield return Refused($"enum value of {length} characters", File("v", "Demo", string.Empty, $"enums:\n  Mode:\n    values: [{name.ToLowerInvariant()}]\n"));
            yield return Refused($"event type segment of {length} characters", File("s", "Demo", Object("Node"), $"event_types:\n  demo.{name.ToLowerInvariant()}:\n    payload: Node\n"));
        }

        yield return Refused("namespace too long for a file name", File("n", string.Join(".", Enumerable.Range(0, 30).Select(i => "Segment" + i)), Object("Node")));
        yield return Refused("object with 1,001 fields", File("h", "Demo", Object("Huge", string.Concat(Enumerable.Range(0, 1_001).Select(i => $"      f{i}: integer\n")))));
        yield return Refused("enum with 1,001 values", File("m", "Demo", string.Empty, "enums:\n  Mode:\n    values:\n" + string.Concat(Enumerable.Range(0, 1_001).Select(i => $"      - v{i}\n"))));
        yield return Refused("extends chain of 40", [ScaleInputs.ExtendsChain(40)]);
        yield return Refused("extends cycle", File("x", "Demo", Object("A", extends: "B") + Object("B", extends: "A")));
        yield return Refused("containment cycle closing a long chain", [Cycle(ScaleInputs.ReferenceChain(chainLength))]);
        yield return Accepted($"chain of {chainLength} contained objects", [ScaleInputs.ReferenceChain(chainLength)]);
        yield return Accepted("extends chain of 16", [ScaleInputs.ExtendsChain(16)]);

        yield return Refused("alias bomb in an example", File("l", "Demo", Object("Node", "      x:\n        type: flexible_dict\n        example:\n" + Laughs(10, 9, "          "))));
        yield return Refused("alias bomb in a description", File("d", "Demo", string.Empty, "description:\n" + Laughs(10, 9, "  ")));
        yield return Refused("alias bomb of long text", File("t", "Demo", string.Empty, $"description:\n  a: &a \"{new string('x', 100_000)}\"\n  b: [{string.Join(", ", Enumerable.Repeat("*a", 20))}]\n"));
        yield return Accepted("aliases of a shared description", File("s", "Demo", "objects:\n  Node:\n    version: \"1.0\"\n    description: &d Shared.\n    fields:\n      id: { type: uuid, description: *d }\n"));
    }

    private static HostileInput Refused(string name, IReadOnlyList<(string Path, string Text)> files) => new(name, files, MustBeRefused: true);

    private static HostileInput Refused(string name, HostileInput input) => input with { Name = name, MustBeRefused = true };

    private static HostileInput Accepted(string name, IReadOnlyList<(string Path, string Text)> files) => new(name, files, MustBeRefused: false);

    private static HostileInput Objects(params string[] names) =>
        new(string.Empty, File("o", "Demo", string.Concat(names.Select(n => Object(n)))), MustBeRefused: true);

    private static string Object(string name, string fields = "      id: uuid\n", string? extends = null) =>
        $"  {name}:\n    version: \"1.0\"\n" + (extends is null ? string.Empty : $"    extends: {extends}\n") + "    fields:\n" + fields;

    /// <summary>One file; <paramref name="objects"/> are object entries (the <c>objects:</c> key is added), <paramref name="rest"/> any other top-level keys.</summary>
    private static (string Path, string Text)[] File(string name, string csharpNamespace, string objects, string rest = "")
    {
        var body = objects.Length == 0 || objects.StartsWith("objects:", StringComparison.Ordinal) ? objects : "objects:\n" + objects;
        return [($"/hostile/{name}.yaml", $"namespace: {name}\ncsharp_namespace: {csharpNamespace}\n{body}{rest}")];
    }

    /// <summary>A "billion laughs": <paramref name="levels"/> anchored lists, each of <paramref name="width"/> aliases of the one before.</summary>
    private static string Laughs(int width, int levels, string indent) =>
        string.Concat(Enumerable.Range(0, levels).Select(level =>
        {
            var name = (char)('a' + level);
            var items = level == 0 ? Enumerable.Repeat("lol", width) : Enumerable.Repeat("*" + (char)(name - 1), width);
            return $"{indent}{name}: &{name} [{string.Join(", ", items)}]\n";
        }));

    private static (string Path, string Text) Cycle((string Path, string Text) chain) => (chain.Path, chain.Text + "      next: C0\n");
}
