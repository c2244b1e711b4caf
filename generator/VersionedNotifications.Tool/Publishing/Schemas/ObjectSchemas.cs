using System.Text.Json.Nodes;
using VersionedNotifications.Generator.Model;
using VersionedNotifications.Tool.Publishing.Catalog;

namespace VersionedNotifications.Tool.Publishing.Schemas;

/// <summary>
/// The schema of an object as it travels: a versioned object inside its <c>&lt;ns&gt;_object.*</c>
/// wrapper, a plain object as itself.
/// </summary>
/// <remarks>
/// Which unknown keys are allowed follows the wire's promise. A version number pins its field set
/// (ironic's object fingerprints enforce it), so an exact version is closed:
/// <c>additionalProperties: false</c> on the data, enum values closed. A later minor version may add
/// fields and values, so the schema for "a later minor" requires the last known version's fields and
/// allows more. A plain object has no version to tell an older producer from a newer one, so it is
/// always open.
/// </remarks>
internal static class ObjectSchemas
{
    /// <summary>Exactly <paramref name="version"/> of <paramref name="contract"/> (a plain object's only form).</summary>
    public static JsonObject Exact(ObjectContract contract, ObjectVersion version, ValueSchemas closedValues, ValueSchemas openValues)
    {
        var fields = contract.FieldsAt(version);
        if (!contract.IsVersioned)
        {
            return Data(fields, openValues, closed: false);
        }

        var changes = new JsonObject
        {
            ["type"] = "array",
            ["items"] = new JsonObject { ["enum"] = new JsonArray(fields.Select(f => (JsonNode?)JsonValue.Create(f.Name)).ToArray()) },
        };
        return Wrapper(contract, new JsonObject { ["const"] = version.ToString() }, Data(fields, closedValues, closed: true), changes);
    }

    /// <summary>
    /// A minor version of <paramref name="last"/>'s major newer than <paramref name="last"/>: what a newer
    /// producer sends. It carries at least <paramref name="last"/>'s fields, in the same shapes.
    /// </summary>
    public static JsonObject LaterMinor(ObjectContract contract, ObjectVersion last, ValueSchemas openValues)
    {
        var version = new JsonObject { ["type"] = "string", ["pattern"] = WirePatterns.LaterMinor(last.Major, last.Minor) };
        var changes = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } };
        return Wrapper(contract, version, Data(contract.FieldsAt(last), openValues, closed: false), changes);
    }

    /// <summary>
    /// <paramref name="version"/> or any later minor version: the exact fields of that version, and
    /// whatever a later minor adds. AsyncAPI documents use this: a consumer of this release's contract.
    /// </summary>
    public static JsonObject ThisOrLaterMinor(ObjectContract contract, ObjectVersion version, ValueSchemas openValues)
    {
        var fields = contract.FieldsAt(version);
        if (!contract.IsVersioned)
        {
            return Data(fields, openValues, closed: false);
        }

        var versions = new JsonObject
        {
            ["type"] = "string",
            ["pattern"] = WirePatterns.ThisOrLaterMinor(version.Major, version.Minor),
        };
        var changes = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } };
        return Wrapper(contract, versions, Data(fields, openValues, closed: false), changes);
    }

    private static JsonObject Wrapper(ObjectContract contract, JsonObject version, JsonObject data, JsonObject changes)
    {
        var prefix = contract.WireNamespace + "_object.";
        return new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                [prefix + "name"] = new JsonObject { ["const"] = contract.Name },
                [prefix + "namespace"] = new JsonObject { ["const"] = contract.WireNamespace },
                [prefix + "version"] = version,
                [prefix + "data"] = data,
                [prefix + "changes"] = new JsonObject { ["description"] = "The fields the producer changed; ironic does not send it, other producers do." }.Then(changes),
            },
            ["required"] = new JsonArray(prefix + "name", prefix + "namespace", prefix + "version", prefix + "data"),
            ["additionalProperties"] = false,
        };
    }

    private static JsonObject Data(IReadOnlyList<VersionField> fields, ValueSchemas values, bool closed)
    {
        var properties = new JsonObject();
        foreach (var field in fields)
        {
            properties[field.Name] = values.Field(field);
        }

        var data = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = properties,
            ["required"] = new JsonArray(fields.Where(f => f.IsRequired).Select(f => (JsonNode?)JsonValue.Create(f.Name)).ToArray()),
        };
        if (closed)
        {
            data["additionalProperties"] = false;
        }

        return data;
    }
}
