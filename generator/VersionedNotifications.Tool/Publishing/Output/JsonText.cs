using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VersionedNotifications.Tool.Publishing.Output;

/// <summary>
/// JSON as the generated files write it: objects indented by two spaces, an array of scalars on one
/// line when it is short, <c>\n</c> line ends, no needless escapes.
/// </summary>
internal static class JsonText
{
    private const int InlineArrayWidth = 80;

    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Format(JsonNode? node)
    {
        var text = new StringBuilder();
        Write(text, node, 0);
        return text.ToString();
    }

    /// <summary>On one line, as a JSON string inside another message carries it.</summary>
    public static string FormatCompact(JsonNode? node) => node?.ToJsonString(Compact) ?? "null";

    private static void Write(StringBuilder text, JsonNode? node, int depth)
    {
        switch (node)
        {
            case JsonObject value when value.Count == 0:
                text.Append("{}");
                break;
            case JsonObject value:
                text.Append("{\n");
                var first = true;
                foreach (var (key, child) in value)
                {
                    if (!first)
                    {
                        text.Append(",\n");
                    }

                    first = false;
                    Indent(text, depth + 1).Append(FormatCompact(JsonValue.Create(key))).Append(": ");
                    Write(text, child, depth + 1);
                }

                text.Append('\n');
                Indent(text, depth).Append('}');
                break;
            case JsonArray value when value.Count == 0:
                text.Append("[]");
                break;
            case JsonArray value when value.All(v => v is not JsonObject and not JsonArray) && FormatCompact(value).Length <= InlineArrayWidth:
                text.Append('[').Append(string.Join(", ", value.Select(FormatCompact))).Append(']');
                break;
            case JsonArray value:
                text.Append("[\n");
                for (var i = 0; i < value.Count; i++)
                {
                    Indent(text, depth + 1);
                    Write(text, value[i], depth + 1);
                    text.Append(i == value.Count - 1 ? "\n" : ",\n");
                }

                Indent(text, depth).Append(']');
                break;
            default:
                text.Append(FormatCompact(node));
                break;
        }
    }

    private static StringBuilder Indent(StringBuilder text, int depth) => text.Append(' ', depth * 2);
}
