using System.Globalization;
using System.Text;

namespace VersionedNotifications.Generator.Tests.Scale;

/// <summary>
/// Large, valid definitions made to a size: many objects, a long <c>extends</c> chain, a long chain of
/// objects that contain each other. Shared by the scaling tests and the generator benchmark
/// (which links this file), so both measure the same input.
/// </summary>
internal static class ScaleInputs
{
    /// <summary>Objects per file: big projects split their definitions over many files.</summary>
    public const int ObjectsPerFile = 500;

    /// <summary>
    /// <paramref name="count"/> objects in one wire namespace, spread over files of <see cref="ObjectsPerFile"/>:
    /// each has six fields (an inline enum, a default, a reference to and a list of the previous object),
    /// one object in four extends the one before it, and each is the payload of one event type.
    /// </summary>
    public static IReadOnlyList<(string Path, string Text)> Objects(int count)
    {
        var files = new List<(string Path, string Text)>();
        for (var first = 0; first < count; first += ObjectsPerFile)
        {
            var last = Math.Min(count, first + ObjectsPerFile);
            var yaml = Header("scale", "Scale.Objects");
            yaml.Append("objects:\n");
            for (var i = first; i < last; i++)
            {
                yaml.Append(Invariant($"  Object{i}:\n    version: \"1.1\"\n"));
                if (i % 4 == 1)
                {
                    yaml.Append(Invariant($"    extends: Object{i - 1}\n"));
                }

                yaml.Append(Invariant($"    description: Object number {i}.\n    fields:\n"));
                yaml.Append(Invariant($"      id{i}: uuid\n"));
                yaml.Append(Invariant($"      name{i}: {{ type: string, nullable: true, example: name-{i} }}\n"));
                yaml.Append(Invariant($"      count{i}: {{ type: integer, default: {i}, since: \"1.1\" }}\n"));
                yaml.Append(Invariant($"      state{i}: {{ type: enum, values: [active, deleted], default: active }}\n"));
                if (i > 0)
                {
                    yaml.Append(Invariant($"      previous{i}: {{ type: Object{i - 1}, nullable: true }}\n"));
                    yaml.Append(Invariant($"      all{i}: list<Object{i - 1}>\n"));
                }

                yaml.Append("    history:\n      \"1.0\": Initial.\n      \"1.1\": Add count.\n");
            }

            yaml.Append("event_types:\n");
            for (var i = first; i < last; i++)
            {
                yaml.Append(Invariant($"  scale.object{i}.update:\n    payload: Object{i}\n"));
            }

            files.Add((Invariant($"/scale/objects-{first / ObjectsPerFile:D3}.yaml"), yaml.ToString()));
        }

        return files;
    }

    /// <summary>One file in which <c>Level{i}</c> extends <c>Level{i-1}</c>, <paramref name="length"/> levels, one field each.</summary>
    public static (string Path, string Text) ExtendsChain(int length)
    {
        var yaml = Header("chain", "Scale.Chain");
        yaml.Append("objects:\n");
        for (var i = 0; i < length; i++)
        {
            yaml.Append(Invariant($"  Level{i}:\n    version: \"1.0\"\n"));
            if (i > 0)
            {
                yaml.Append(Invariant($"    extends: Level{i - 1}\n"));
            }

            yaml.Append(Invariant($"    fields:\n      field{i}: string\n"));
        }

        yaml.Append(Invariant($"event_types:\n  chain.level.update:\n    payload: Level{length - 1}\n"));
        return ("/scale/chain.yaml", yaml.ToString());
    }

    /// <summary>One file in which <c>C{i}</c> holds a non-nullable <c>C{i+1}</c>, <paramref name="length"/> objects.</summary>
    public static (string Path, string Text) ReferenceChain(int length)
    {
        var yaml = Header("refs", "Scale.References");
        yaml.Append("objects:\n");
        for (var i = 0; i < length; i++)
        {
            yaml.Append(Invariant($"  C{i}:\n    version: \"1.0\"\n    fields:\n      id: uuid\n"));
            if (i + 1 < length)
            {
                yaml.Append(Invariant($"      next: C{i + 1}\n"));
            }
        }

        return ("/scale/references.yaml", yaml.ToString());
    }

    private static StringBuilder Header(string wireNamespace, string csharpNamespace) =>
        new StringBuilder().Append(Invariant($"namespace: {wireNamespace}\ncsharp_namespace: {csharpNamespace}\n"));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
