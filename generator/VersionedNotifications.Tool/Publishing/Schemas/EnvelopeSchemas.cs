using System.Text.Json.Nodes;
using VersionedNotifications.Generator.Model;
using VersionedNotifications.Tool.Publishing.Catalog;

namespace VersionedNotifications.Tool.Publishing.Schemas;

/// <summary>
/// The two forms a notification takes on the wire (the envelope, and oslo's messaging v2 body around
/// it), and the envelope of one event type.
/// </summary>
internal static class EnvelopeSchemas
{
    /// <summary>The envelope keys in the order oslo writes them.</summary>
    public static readonly IReadOnlyList<string> Keys = new[] { "message_id", "publisher_id", "event_type", "priority", "payload", "timestamp" };

    /// <summary>The priority as the wire writes it: upper case, <c>WARN</c> for warning.</summary>
    public static string WireName(Priority priority) => priority.ToString().ToUpperInvariant();

    /// <summary>
    /// The envelope, as the notifier hands it to its driver and as the messaging v1 driver sends it.
    /// Closed: besides its six keys it carries only what oslo's AMQP drivers add (<c>_unique_id</c> and
    /// the request context as <c>_context_*</c> keys).
    /// </summary>
    public static JsonObject Notification() => new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject
        {
            ["message_id"] = new JsonObject { ["description"] = "A UUID that identifies the message.", ["type"] = "string", ["format"] = "uuid", ["pattern"] = WirePatterns.Uuid },
            ["publisher_id"] = new JsonObject { ["description"] = "Who sent it: service.host, such as ironic-api.hostname02 or image.localhost.", ["type"] = "string" },
            ["event_type"] = new JsonObject { ["description"] = "What happened, such as baremetal.node.power_set.start.", ["type"] = "string" },
            ["priority"] = new JsonObject
            {
                ["description"] = "The priority, upper case on the wire (WARN for warning). Readers also accept lower case and WARNING; the real producers never send them.",
                ["enum"] = new JsonArray(Enum.GetValues<Priority>().Select(p => (JsonNode?)JsonValue.Create(WireName(p))).ToArray()),
            },
            ["payload"] = new JsonObject { ["description"] = "The event type's payload: a versioned object, a plain object or a text message." },
            ["timestamp"] = new JsonObject
            {
                ["description"] = "When the notification was made, in UTC: Python's str() of a naive datetime, without the fraction when it is zero.",
                ["type"] = "string",
                ["pattern"] = WirePatterns.EnvelopeTimestamp,
                ["examples"] = new JsonArray("2024-01-01 10:00:00.250000"),
            },
            ["_unique_id"] = new JsonObject { ["description"] = "Added by oslo's AMQP drivers for duplicate detection: uuid4().hex.", ["type"] = "string", ["pattern"] = WirePatterns.UniqueId },
        },
        ["patternProperties"] = new JsonObject
        {
            ["^_context_"] = new JsonObject { ["description"] = "The sender's request context, one key per entry, added by oslo's AMQP drivers." },
        },
        ["required"] = new JsonArray(Keys.Select(k => (JsonNode?)JsonValue.Create(k)).ToArray()),
        ["additionalProperties"] = false,
    };

    /// <summary>
    /// oslo's messaging v2 body: the envelope as a JSON string. JSON Schema can only annotate the string
    /// (<c>contentMediaType</c>, <c>contentSchema</c>); check the decoded string against the envelope schema.
    /// </summary>
    public static JsonObject MessagingV2(string envelopeReference, bool withContentSchema) => new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject
        {
            ["oslo.version"] = new JsonObject { ["const"] = "2.0" },
            ["oslo.message"] = WithContentSchema(new JsonObject
            {
                ["description"] = "The envelope, serialized as a JSON string; it also carries _unique_id and the _context_* keys.",
                ["type"] = "string",
                ["contentMediaType"] = "application/json",
            }, withContentSchema ? envelopeReference : null),
        },
        ["required"] = new JsonArray("oslo.version", "oslo.message"),
        ["additionalProperties"] = false,
    };

    /// <summary>The envelope of one event type: its name (or an alias), and its payload by priority.</summary>
    public static JsonObject Event(EventContract eventType, string envelopeReference, string? payloadReference)
    {
        var names = new[] { eventType.Name }.Concat(eventType.Definition.Aliases).ToList();
        var schema = new JsonObject
        {
            ["type"] = "object",
            ["allOf"] = new JsonArray(new JsonObject { ["$ref"] = envelopeReference }),
            ["properties"] = new JsonObject
            {
                ["event_type"] = names.Count == 1
                    ? new JsonObject { ["const"] = eventType.Name }
                    : new JsonObject { ["enum"] = new JsonArray(names.Select(n => (JsonNode?)JsonValue.Create(n)).ToArray()) },
            },
        };
        var text = new JsonObject { ["description"] = "A text message.", ["type"] = "string" };
        var payload = payloadReference is null ? text : new JsonObject { ["$ref"] = payloadReference };
        var textPriorities = eventType.Definition.TextPriorities;
        if (payloadReference is null || textPriorities.IsEmpty)
        {
            schema["properties"]!["payload"] = payload;
            return schema;
        }

        schema["if"] = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject { ["priority"] = new JsonObject { ["enum"] = new JsonArray(textPriorities.Select(p => (JsonNode?)JsonValue.Create(WireName(p))).ToArray()) } },
            ["required"] = new JsonArray("priority"),
        };
        schema["then"] = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["payload"] = text } };
        schema["else"] = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["payload"] = payload } };
        return schema;
    }

    private static JsonObject WithContentSchema(JsonObject schema, string? envelopeReference)
    {
        if (envelopeReference is not null)
        {
            schema["contentSchema"] = new JsonObject { ["$ref"] = envelopeReference };
        }

        return schema;
    }
}
