using System.Text.Json;
using System.Text.Json.Nodes;
#if NET10_0_OR_GREATER
using System.Runtime.InteropServices;
#endif

namespace VersionedNotifications.Wire;

/// <summary>
/// Writes JSON trees (flexible dicts, fields kept from the wire, the request context) to an
/// <see cref="OsloJsonWriter"/>, as <see cref="WireValue.WriteNode"/> writes them and <see cref="PythonJson"/> then
/// rewrites them: what came from the wire as it came (numbers keep their text), a float a program put in the tree as
/// Python writes a float.
/// </summary>
internal static class OsloJsonTree
{
    public static void WriteNode(OsloJsonWriter writer, JsonNode? node) => JsonTreeWalk.Write(writer, node);

    /// <summary>Writes one leaf of a tree: a value read from the wire as it came, a string, a float as Python writes one.</summary>
    public static void WriteLeaf(OsloJsonWriter writer, JsonValue value)
    {
        if (value.TryGetValue<JsonElement>(out var element))
        {
            WriteElement(writer, element);
        }
        else if (value.TryGetValue<string>(out var text))
        {
            writer.WriteStringValue(text);
        }
        else if (value.TryGetValue<double>(out var number))
        {
            writer.WriteDoubleValue(number);
        }
        else if (value.TryGetValue<float>(out var single))
        {
            writer.WriteDoubleValue(single);
        }
        else
        {
            // Any other .NET value a program put in the tree is written as System.Text.Json writes it.
            writer.WriteCompact(value, static (compact, leaf) => leaf.WriteTo(compact));
        }
    }

    public static void WriteElement(OsloJsonWriter writer, JsonElement element)
    {
#if NET10_0_OR_GREATER
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject())
                {
                    writer.WriteEscapedPropertyName(JsonMarshal.GetRawUtf8PropertyName(property));
                    WriteElement(writer, property.Value);
                }

                writer.WriteEndObject();
                return;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    WriteElement(writer, item);
                }

                writer.WriteEndArray();
                return;
            case JsonValueKind.String:
                var raw = JsonMarshal.GetRawUtf8Value(element);
                writer.WriteEscapedStringValue(raw[1..^1]);
                return;
            case JsonValueKind.Number:
                writer.WriteNumberText(JsonMarshal.GetRawUtf8Value(element));
                return;
            case JsonValueKind.True:
                writer.WriteBooleanValue(true);
                return;
            case JsonValueKind.False:
                writer.WriteBooleanValue(false);
                return;
            default:
                writer.WriteNullValue();
                return;
        }
#else
        writer.WriteCompact(element, static (compact, value) => value.WriteTo(compact));
#endif
    }
}
