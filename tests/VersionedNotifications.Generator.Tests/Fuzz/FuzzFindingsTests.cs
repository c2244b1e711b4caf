using VersionedNotifications.Generator.Tests.Infrastructure;

namespace VersionedNotifications.Generator.Tests.Fuzz;

/// <summary>
/// Small inputs distilled from what <see cref="GeneratorFuzzTests"/> found: text from the definitions
/// that reaches the generated C# must not break it. C# ends a line (and so a <c>///</c> comment) at
/// \r, \n, U+0085, U+2028 and U+2029; YAML double-quoted strings write them as \r, \n, \N, \L, \P.
/// </summary>
public sealed class FuzzFindingsTests
{
    public static TheoryData<string> LineBreaks => new() { "\\r", "\\n", "\\N", "\\L", "\\P", "\\r\\n" };

    /// <summary>Definitions whose free text is <c>TEXT</c>, in every place free text goes.</summary>
    private const string FreeText = """
        namespace: demo
        csharp_namespace: Demo
        description: "TEXT"
        enums:
          Mode:
            description: "TEXT"
            values:
              - value: fast
                description: "TEXT"
        objects:
          Node:
            version: "1.1"
            description: "TEXT"
            fields:
              id: { type: uuid, description: "TEXT" }
              mode: Mode
              state: { type: enum, values: [on, off], description: "TEXT" }
            history:
              "1.0": "TEXT"
              "1.1":
                changes: "TEXT"
                exceptions:
                  - { name: id-type, field: id, kind: type, reason: "TEXT" }
        event_types:
          demo.node.create:
            payload: Node
            description: "TEXT"
          demo.node.power_set:
            payload: Node
            statuses: [start, end]
            description: "TEXT"
        """;

    [Theory]
    [MemberData(nameof(LineBreaks))]
    public void Line_breaks_in_descriptions_and_history_do_not_break_the_generated_code(string lineBreak)
    {
        var run = GeneratorHarness.Run(("/defs/demo.yaml", FreeText.Replace("TEXT", $"first{lineBreak}second <c> & {lineBreak}#if X{lineBreak}public int Broken;", StringComparison.Ordinal)));

        Assert.Empty(run.Diagnostics);
        Assert.Equal(["Demo.EventTypes.g.cs", "Demo.Mode.g.cs", "Demo.Node.g.cs", "Demo.NodeJsonConverter.g.cs", "Demo.NodeState.g.cs", "Demo.NotificationsJsonContext.g.cs"], run.HintNames);
        Assert.True(run.CompilationProblems.Count == 0, string.Join("\n", run.CompilationProblems));
    }

    [Theory]
    [MemberData(nameof(LineBreaks))]
    public void Line_breaks_in_wire_names_do_not_break_the_generated_code(string lineBreak)
    {
        var run = GeneratorHarness.Run(("/defs/demo.yaml", $$"""
            namespace: demo
            csharp_namespace: Demo
            enums:
              Mode:
                values:
                  - { value: "a{{lineBreak}}b", csharp_name: AB }
            objects:
              "node{{lineBreak}}payload":
                version: "1.0"
                csharp_name: NodePayload
                fields:
                  "field{{lineBreak}}name": string
            """));

        Assert.True(run.Result.Results.All(r => r.Exception is null));
        if (run.Diagnostics.IsEmpty)
        {
            Assert.True(run.CompilationProblems.Count == 0, string.Join("\n", run.CompilationProblems));
        }
        else
        {
            Assert.All(run.Diagnostics, d => Assert.StartsWith("VN", d.Id, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Control_characters_in_descriptions_do_not_break_the_generated_code()
    {
        var run = GeneratorHarness.Run(("/defs/demo.yaml", FreeText.Replace("TEXT", "nul \\0 esc \\e bell \\a tab \\t", StringComparison.Ordinal)));

        Assert.Empty(run.Diagnostics);
        Assert.True(run.CompilationProblems.Count == 0, string.Join("\n", run.CompilationProblems));
    }
}
