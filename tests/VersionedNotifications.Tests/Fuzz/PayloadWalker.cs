using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using VersionedNotifications.Wire;

namespace VersionedNotifications.Tests.Fuzz;

/// <summary>
/// Uses a decoded payload as an application would: reads every public property, counts and indexes
/// every dictionary and JSON object, walks every list and JSON tree, and the wire state's unknown
/// fields. Any exception escapes to the caller.
/// </summary>
internal static class PayloadWalker
{
    public static void Walk(object? value)
    {
        switch (value)
        {
            case null or string or Guid or DateTimeOffset or System.Net.IPAddress:
                return;
            case JsonNode node:
                WalkNode(node);
                return;
            case JsonElement element:
                WalkElement(element);
                return;
            case PayloadWireState state:
                foreach (var (_, unknown) in state.ExtensionData)
                {
                    WalkElement(unknown);
                }

                return;
            case IDictionary dictionary:
                _ = dictionary.Count;
                foreach (var key in dictionary.Keys)
                {
                    Walk(dictionary[key]);
                }

                return;
            case IEnumerable sequence:
                WalkSequence(sequence);
                return;
        }

        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum)
        {
            return;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Optional<>))
        {
            // Value throws on an unset field by design: an unset field is walked no further.
            _ = value.ToString();
            if ((bool)type.GetProperty(nameof(Optional<int>.IsSet))!.GetValue(value)!)
            {
                Walk(type.GetProperty(nameof(Optional<int>.Value))!.GetValue(value));
            }

            return;
        }

        _ = value.ToString();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0)
            {
                Walk(property.GetValue(value));
            }
        }
    }

    private static void WalkSequence(IEnumerable sequence)
    {
        if (sequence is ICollection collection)
        {
            _ = collection.Count;
        }

        foreach (var element in sequence)
        {
            Walk(element);
        }
    }

    private static void WalkNode(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                _ = obj.Count;
                foreach (var (name, member) in obj)
                {
                    _ = obj[name];
                    _ = obj.ContainsKey(name);
                    WalkNode(member);
                }

                break;
            case JsonArray array:
                _ = array.Count;
                foreach (var element in array)
                {
                    WalkNode(element);
                }

                break;
            case JsonValue scalar:
                _ = scalar.GetValueKind();
                _ = scalar.ToJsonString();
                if (scalar.GetValueKind() == JsonValueKind.String)
                {
                    _ = scalar.GetValue<string>();
                }

                break;
        }
    }

    private static void WalkElement(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    _ = property.Name;
                    WalkElement(property.Value);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    WalkElement(item);
                }

                break;
            case JsonValueKind.String:
                _ = element.GetString();
                break;
            default:
                _ = element.GetRawText();
                break;
        }
    }
}
