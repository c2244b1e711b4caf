using System.Text.Json.Nodes;
using VersionedNotifications.Generator.Model;
using VersionedNotifications.Tool.Publishing.Catalog;

namespace VersionedNotifications.Tool.Publishing.Schemas;

/// <summary>
/// The JSON Schema of field values, in the subset of keywords that JSON Schema draft 2020-12 and
/// draft-07 (AsyncAPI's schema format) read alike: no <c>$defs</c>, no <c>unevaluatedProperties</c>,
/// no keyword beside a <c>$ref</c>.
/// </summary>
/// <param name="service">Where named enums and objects are looked up.</param>
/// <param name="objectReference">The <c>$ref</c> of a nested object's schema.</param>
/// <param name="closedEnums">
/// True where the version pins the enum values (an exact version of a versioned object); false where
/// the wire may bring new ones (plain objects, later minor versions): then any string is allowed and
/// the known values are given as <c>examples</c>.
/// </param>
internal sealed class ValueSchemas(ServiceContracts service, Func<ObjectContract, string> objectReference, bool closedEnums)
{
    /// <summary>What a secret field's description ends with: how the sender masks it.</summary>
    public static string SecretNote(VersionField field) => field.Types[0].Type.Kind == TypeKind.FlexibleDict
        ? "Secret: the sender replaces the values under secret-looking keys by ******."
        : "Secret: the sender replaces the value by ******.";

    /// <summary>The schema of one field, with its description, default and example.</summary>
    public JsonObject Field(VersionField field)
    {
        var schema = field.Types.Count == 1
            ? Value(field.Types[0], field.IsNullable, field.IsSecret)
            : new JsonObject { ["anyOf"] = new JsonArray(field.Types.Select(t => (JsonNode)Value(t, field.IsNullable, field.IsSecret)).ToArray()) };
        var described = new JsonObject();
        var description = DescriptionOf(field);
        if (description is not null)
        {
            described["description"] = description;
        }

        described.Then(schema);
        if (field.DefaultJson is not null)
        {
            described["default"] = JsonNode.Parse(field.DefaultJson);
        }

        if (field.Definition?.Example is { } example && !described.ContainsKey("examples"))
        {
            described["examples"] = new JsonArray(JsonNode.Parse(example.Json));
        }

        return described;
    }

    /// <summary>The field's description as the schemas and the docs give it: the definition's, and the secret note.</summary>
    public static string? DescriptionOf(VersionField field) =>
        field.IsSecret ? ((field.Description is null ? string.Empty : field.Description + " ") + SecretNote(field)) : field.Description;

    private JsonObject Value(FieldType fieldType, bool nullable, bool secret)
    {
        var type = fieldType.Type;
        switch (type.Kind)
        {
            case TypeKind.String:
                return Typed("string", nullable);
            case TypeKind.Integer:
                return Typed("integer", nullable);
            case TypeKind.Float:
                return Typed("number", nullable);
            case TypeKind.Boolean:
                return Typed("boolean", nullable);
            case TypeKind.Uuid:
                // Any string: oslo's UUIDField sends whatever it was given and only warns on a non-UUID.
                return Typed("string", nullable);
            case TypeKind.DateTime:
                return With(Typed("string", nullable), ("format", "date-time"), ("pattern", WirePatterns.PayloadDateTime));
            case TypeKind.IpAddress:
                var ip = Typed("string", nullable);
                ip["anyOf"] = new JsonArray(new JsonObject { ["format"] = "ipv4" }, new JsonObject { ["format"] = "ipv6" });
                return ip;
            case TypeKind.MacAddress:
                return With(Typed("string", nullable), ("pattern", secret ? WirePatterns.MaskedMacAddress : WirePatterns.MacAddress));
            case TypeKind.FlexibleDict:
                return Typed("object", nullable);
            case TypeKind.List:
                var list = Typed("array", nullable);
                list["items"] = Value(new FieldType(type.Element!, Array.Empty<string>()), type.ElementNullable, secret: false);
                return list;
            case TypeKind.Dict:
                var dict = Typed("object", nullable);
                dict["additionalProperties"] = Value(new FieldType(type.Element!, Array.Empty<string>()), type.ElementNullable, secret: false);
                return dict;
            case TypeKind.InlineEnum:
                return Enum(fieldType.EnumValues, nullable);
            case TypeKind.Named when service.FindEnum(type.Name!) is { } named:
                return Enum(named.Members.Select(m => m.Value).ToList(), nullable);
            case TypeKind.Named when service.FindObject(type.Name!) is { } nested:
                var reference = new JsonObject { ["$ref"] = objectReference(nested) };
                return nullable ? new JsonObject { ["anyOf"] = new JsonArray(reference, new JsonObject { ["type"] = "null" }) } : reference;
            default:
                throw new InvalidOperationException($"the type '{type}' names nothing in namespace {service.WireNamespace}; the checks should have reported it");
        }
    }

    private JsonObject Enum(IReadOnlyList<string> values, bool nullable)
    {
        var schema = Typed("string", nullable);
        var known = new JsonArray(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
        if (closedEnums)
        {
            if (nullable)
            {
                known.Add(null);
            }

            schema["enum"] = known;
        }
        else
        {
            schema["examples"] = known;
        }

        return schema;
    }

    private static JsonObject Typed(string type, bool nullable) =>
        new() { ["type"] = nullable ? new JsonArray(type, "null") : type };

    private static JsonObject With(JsonObject schema, params (string Key, string Value)[] keywords)
    {
        foreach (var (key, value) in keywords)
        {
            schema[key] = value;
        }

        return schema;
    }
}
