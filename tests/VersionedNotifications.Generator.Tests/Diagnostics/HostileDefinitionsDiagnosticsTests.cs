using VersionedNotifications.Generator.Tests.Infrastructure;
using static VersionedNotifications.Generator.Tests.Diagnostics.DiagnosticAssert;

namespace VersionedNotifications.Generator.Tests.Diagnostics;

/// <summary>Definitions written to hurt the build: YAML alias bombs, names the compiler cannot take, defaults that do not fit.</summary>
public sealed class HostileDefinitionsDiagnosticsTests
{
    /// <summary>Far longer than the alias bomb needs to be refused, and never long enough to fail a slow machine.</summary>
    private static readonly TimeSpan Generous = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task A_YAML_alias_bomb_is_refused_at_the_alias_that_crosses_the_limit()
    {
        // Nine levels of ten aliases each: a billion strings in an example, from a few hundred bytes.
        var levels = string.Join("\n", Enumerable.Range(0, 9).Select(level =>
        {
            var name = (char)('a' + level);
            var items = level == 0 ? string.Join(", ", Enumerable.Repeat("\"lol\"", 10)) : string.Join(", ", Enumerable.Repeat("*" + (char)(name - 1), 10));
            return $"          {name}: &{name} [{items}]";
        }));
        var file = Definition.Of("/defs/laughs.yaml", $"namespace: demo\ncsharp_namespace: Demo\nobjects:\n  Thing:\n    version: \"1.0\"\n    fields:\n      x:\n        type: flexible_dict\n        example:\n{levels}\n");

        // WaitAsync throws TimeoutException when the bomb is not refused in time.
        var run = await Task.Run(() => Run(file)).WaitAsync(Generous);

        // The aliases of b stand for 110 nodes, those of c for 1,110 more, each alias of d for 1,111:
        // the eighth alias of d crosses 10,000 in all.
        Reported(run, "VN0001", file, 13, 46, "the aliases up to '*c' stand for more than 10,000 nodes or 1,000,000 characters of text", token: "*c");
        OnlyReported(run, "VN0001");
    }

    [Fact]
    public void A_few_aliases_of_a_shared_description_are_fine()
    {
        var file = Definition.Of("/defs/shared.yaml", """
            namespace: demo
            csharp_namespace: Demo
            objects:
              Node:
                version: "1.0"
                description: &shared A thing that is shared.
                fields:
                  id: { type: uuid, description: *shared }
                  name: { type: string, description: *shared }
            """);
        var run = Run(file);

        Assert.Empty(run.Diagnostics);
        StillGeneratesAndCompiles(run, "Demo.Node.g.cs");
    }

    [Fact]
    public void A_letter_outside_the_basic_plane_is_reported_not_dropped()
    {
        var file = Definition.Of("/defs/demo.yaml", """
            namespace: demo
            csharp_namespace: Demo
            objects:
              𝒜Obj:
                version: "1.0"
              Obj:
                version: "1.0"
            """);
        var run = Run(file);

        // C# takes no surrogate pair in a name: the user is told, where the name used to lose its letter silently.
        Reported(run, "VN0012", file, 4, 3, "'𝒜Obj' gives the C# name '𝒜Obj', which is not a valid identifier", token: "𝒜Obj:");
        StillGeneratesAndCompiles(run, "Demo.Obj.g.cs");
    }

    [Fact]
    public void An_invalid_default_number_is_quoted_as_written()
    {
        var file = Definition.Of("/defs/demo.yaml", """
            namespace: demo
            csharp_namespace: Demo
            objects:
              Node:
                version: "1.0"
                fields:
                  count: { type: integer, default: 9223372036854775808 }
                  ratio: { type: boolean, default: 1.50 }
            """);
        var run = Run(file);

        ReportedAt(run, "VN0013", file, 7, 40, "The default 9223372036854775808 of field 'count' does not fit its type integer (not nullable)", token: "9223372036854775808");
        ReportedAt(run, "VN0013", file, 8, 40, "The default 1.50 of field 'ratio' does not fit its type boolean (not nullable)", token: "1.50");
    }
}
