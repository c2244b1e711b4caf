using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace VersionedNotifications.Tool.Publishing.Output;

/// <summary>
/// A JSON tree written as block-style YAML 1.2. Strings are double-quoted JSON strings (which YAML
/// reads alike), so no value is ever read as a number, a boolean or null by mistake; keys are left
/// plain when they are plainly text.
/// </summary>
internal static partial class YamlText
{
    public static string Format(JsonObject root)
    {
        var text = new StringBuilder();
        WriteMapping(text, root, 0);
        return text.ToString();
    }

    private static void WriteMapping(StringBuilder text, JsonObject mapping, int depth)
    {
        foreach (var (key, value) in mapping)
        {
            Indent(text, depth).Append(Key(key)).Append(':');
            WriteValue(text, value, depth);
        }
    }

    private static void WriteValue(StringBuilder text, JsonNode? value, int depth)
    {
        switch (value)
        {
            case JsonObject { Count: > 0 } child:
                text.Append('\n');
                WriteMapping(text, child, depth + 1);
                break;
            case JsonArray { Count: > 0 } list:
                text.Append('\n');
                foreach (var item in list)
                {
                    Indent(text, depth + 1).Append('-');
                    switch (item)
                    {
                        case JsonObject { Count: > 0 } element:
                            // The first key goes on the dash's line, the others line up under it.
                            var first = new StringBuilder();
                            WriteMapping(first, element, depth + 2);
                            text.Append(' ').Append(first.ToString().TrimStart());
                            break;
                        default:
                            WriteValue(text, item, depth + 1);
                            break;
                    }
                }

                break;
            default:
                text.Append(' ').Append(Scalar(value)).Append('\n');
                break;
        }
    }

    private static string Scalar(JsonNode? value) => value switch
    {
        null => "null",
        JsonObject => "{}",
        JsonArray => "[]",
        _ => JsonText.FormatCompact(value),
    };

    private static string Key(string key) => PlainKey().IsMatch(key) ? key : JsonText.FormatCompact(JsonValue.Create(key));

    private static StringBuilder Indent(StringBuilder text, int depth) => text.Append(' ', depth * 2);

    [GeneratedRegex("^[A-Za-z_$^][A-Za-z0-9_.$/^-]*$")]
    private static partial Regex PlainKey();
}
