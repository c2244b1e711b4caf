using YamlDotNet.RepresentationModel;

namespace VersionedNotifications.Tool.Tests.Import;

/// <summary>
/// What a definitions folder says about its objects, read from the YAML independently of the tool: the model two
/// folders are compared by (a field written as a shorthand or a mapping, quoted or not, reads the same).
/// </summary>
internal sealed record DefinitionsModel(IReadOnlyDictionary<string, ObjectModel> Objects)
{
    public static DefinitionsModel Load(string folder)
    {
        var documents = Directory.EnumerateFiles(folder, "*.yaml", SearchOption.AllDirectories)
            .Select(path => { var stream = new YamlStream(); stream.Load(new StringReader(File.ReadAllText(path))); return (YamlMappingNode)stream.Documents[0].RootNode; })
            .ToList();
        var enums = documents.SelectMany(d => Entries(d, "enums"))
            .ToDictionary(e => e.Key, e => Values((YamlSequenceNode)((YamlMappingNode)e.Value)["values"]), StringComparer.Ordinal);
        var objects = documents.SelectMany(d => Entries(d, "objects"))
            .ToDictionary(e => e.Key, e => ReadObject((YamlMappingNode)e.Value, enums), StringComparer.Ordinal);
        return new DefinitionsModel(objects);
    }

    private static IEnumerable<KeyValuePair<string, YamlNode>> Entries(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(key, out var child) && child is YamlMappingNode mapping
            ? mapping.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, c.Value))
            : [];

    private static ObjectModel ReadObject(YamlMappingNode node, IReadOnlyDictionary<string, IReadOnlyList<string>> enums)
    {
        var fields = Entries(node, "fields").Select(f => ReadField(f.Key, f.Value, enums)).Where(f => !f.Removed).ToList();
        return new ObjectModel(Scalar(node, "version")!, Scalar(node, "extends"), fields);
    }

    private static FieldModel ReadField(string name, YamlNode node, IReadOnlyDictionary<string, IReadOnlyList<string>> enums)
    {
        if (node is YamlScalarNode shorthand)
        {
            return new FieldModel(name, Type(shorthand.Value!, enums), false, null, [], false);
        }

        var mapping = (YamlMappingNode)node;
        var type = Scalar(mapping, "type")!.Replace(" ", string.Empty, StringComparison.Ordinal);
        var values = mapping.Children.TryGetValue("values", out var inline) ? Values((YamlSequenceNode)inline) : [];
        var named = enums.Keys.FirstOrDefault(e => type == e || type.Contains("<" + e + ">", StringComparison.Ordinal) || type.Contains("<" + e + "?>", StringComparison.Ordinal));
        return new FieldModel(
            name,
            Type(type, enums),
            Scalar(mapping, "nullable") == "true",
            mapping.Children.TryGetValue("default", out var value) ? Literal(value) : null,
            named is null ? values : enums[named],
            mapping.Children.ContainsKey("removed"));
    }

    /// <summary>The type with every enum, named or inline, written <c>enum</c>: the values are compared apart.</summary>
    private static string Type(string type, IReadOnlyDictionary<string, IReadOnlyList<string>> enums) =>
        enums.Keys.Aggregate(type.Replace(" ", string.Empty, StringComparison.Ordinal), (text, name) =>
            System.Text.RegularExpressions.Regex.Replace(text, @"\b" + name + @"\b", "enum"));

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(key, out var value) && value is YamlScalarNode scalar ? scalar.Value : null;

    private static IReadOnlyList<string> Values(YamlSequenceNode values) =>
        values.Children.Select(v => v is YamlMappingNode m ? ((YamlScalarNode)m["value"]).Value! : ((YamlScalarNode)v).Value!).ToList();

    /// <summary>A default as comparable text: a scalar as written (quoted or not, <c>~</c> as null), [] and {} as such.</summary>
    private static string Literal(YamlNode node) => node switch
    {
        YamlSequenceNode sequence when sequence.Children.Count == 0 => "[]",
        YamlMappingNode mapping when mapping.Children.Count == 0 => "{}",
        YamlScalarNode { Value: "~" or "null" or "" } scalar when scalar.Style == YamlDotNet.Core.ScalarStyle.Plain => "null",
        YamlScalarNode scalar => scalar.Value!,
        _ => node.ToString(),
    };
}

internal sealed record ObjectModel(string Version, string? Extends, IReadOnlyList<FieldModel> Fields);

/// <param name="Default">The default as text; null when the field has none.</param>
/// <param name="EnumValues">The values of the enum the field holds, named or inline; empty when it holds none.</param>
internal sealed record FieldModel(string Name, string Type, bool Nullable, string? Default, IReadOnlyList<string> EnumValues, bool Removed)
{
    /// <summary>The field as one comparable line.</summary>
    public string Shape => $"{Name}: {Type}{(Nullable ? " nullable" : string.Empty)}{(Default is null ? string.Empty : " = " + Default)}{(EnumValues.Count == 0 ? string.Empty : " [" + string.Join(", ", EnumValues) + "]")}";
}
