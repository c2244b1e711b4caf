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
    public static void WriteNode(OsloJsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                return;
            case JsonObject members:
                writer.WriteStartObject();
#if NET9_0_OR_GREATER
                // By index: JsonObject's enumerator is boxed, and a write should allocate nothing.
                for (var i = 0; i < members.Count; i++)
                {
                    var (name, member) = members.GetAt(i);
                    writer.WritePropertyName(name);
                    WriteNode(writer, member);
                }
#else
                foreach (var (name, member) in members)
                {
                    writer.WritePropertyName(name);
                    WriteNode(writer, member);
                }
#endif

                writer.WriteEndObject();
                return;
            case JsonArray items:
                writer.WriteStartArray();
                for (var i = 0; i < items.Count; i++)
                {
                    WriteNode(writer, items[i]);
                }

                writer.WriteEndArray();
                return;
            case JsonValue value when value.TryGetValue<JsonElement>(out var element):
                WriteElement(writer, element);
                return;
            case JsonValue value when value.TryGetValue<string>(out var text):
                writer.WriteStringValue(text);
                return;
            case JsonValue value when value.TryGetValue<double>(out var number):
                writer.WriteDoubleValue(number);
                return;
            case JsonValue value when value.TryGetValue<float>(out var single):
                writer.WriteDoubleValue(single);
                return;
            default:
                // Any other .NET value a program put in the tree is written as System.Text.Json writes it.
                writer.WriteCompact(node, static (compact, value) => value.WriteTo(compact));
                return;
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
