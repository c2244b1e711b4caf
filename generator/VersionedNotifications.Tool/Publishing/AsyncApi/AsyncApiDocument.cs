using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using VersionedNotifications.Generator.Model;
using VersionedNotifications.Tool.Publishing.Catalog;
using VersionedNotifications.Tool.Publishing.Examples;
using VersionedNotifications.Tool.Publishing.Output;
using VersionedNotifications.Tool.Publishing.Profiles;
using VersionedNotifications.Tool.Publishing.Schemas;

namespace VersionedNotifications.Tool.Publishing.AsyncApi;

/// <summary>
/// The AsyncAPI 3.0 document of one service: a channel per topic and priority (the routing key
/// <c>&lt;topic&gt;.&lt;priority&gt;</c> on the service's topic exchange, with AMQP 0.3.0 bindings),
/// a send and a receive operation per channel, and a message per event type whose payload is the
/// envelope of that event type, or the messaging v2 body around it.
/// </summary>
/// <remarks>
/// Payload schemas use AsyncAPI's default schema format (a superset of JSON Schema draft-07), so they
/// keep to keywords both drafts read alike. Objects are described as "this version or a later minor":
/// the consumer's contract for this release; the exact schema of every version is in the schemas folder.
/// </remarks>
internal sealed partial class AsyncApiDocument(ServiceContracts service, ServiceProfile profile)
{
    public const string AsyncApiVersion = "3.0.0";
    public const string AmqpBindingVersion = "0.3.0";
    private const string EnvelopeSchema = "Notification";
    private const string MessagingV2Schema = "MessagingV2Body";

    public static string FileName(ServiceContracts service) => service.WireNamespace + ".yaml";

    public string Write()
    {
        var channels = new JsonObject();
        var operations = new JsonObject();
        foreach (var topic in profile.Topics)
        {
            foreach (var priority in service.Events.SelectMany(e => e.Priorities).Distinct().OrderBy(p => p))
            {
                var events = service.Events.Where(e => e.Priorities.Contains(priority)).ToList();
                var address = topic + "." + EnvelopeSchemas.WireName(priority).ToLowerInvariant();
                var channelId = Identifier(address);
                var messages = new JsonObject();
                foreach (var eventType in events)
                {
                    messages[MessageId(eventType)] = new JsonObject { ["$ref"] = "#/components/messages/" + MessageId(eventType) };
                }

                channels[channelId] = new JsonObject
                {
                    ["address"] = address,
                    ["title"] = $"{topic} at {EnvelopeSchemas.WireName(priority)}",
                    ["description"] = $"The {profile.Title} notifications sent at {EnvelopeSchemas.WireName(priority)} on topic {topic}: published to the {profile.Exchange} topic exchange with the routing key {address}. The sender declares a queue of the same name bound with that key, so nothing is lost before a consumer binds.",
                    ["messages"] = messages,
                    ["bindings"] = new JsonObject
                    {
                        ["amqp"] = new JsonObject
                        {
                            ["is"] = "routingKey",
                            ["exchange"] = new JsonObject { ["name"] = profile.Exchange, ["type"] = "topic", ["durable"] = false, ["autoDelete"] = false, ["vhost"] = "/" },
                            ["bindingVersion"] = AmqpBindingVersion,
                        },
                    },
                };
                var references = new JsonArray(events.Select(e => (JsonNode)new JsonObject { ["$ref"] = $"#/channels/{channelId}/messages/{MessageId(e)}" }).ToArray());
                operations["send-" + channelId] = new JsonObject
                {
                    ["action"] = "send",
                    ["channel"] = new JsonObject { ["$ref"] = "#/channels/" + channelId },
                    ["title"] = $"{profile.Title} sends on {address}",
                    ["summary"] = $"What {profile.Title} publishes with the routing key {address}.",
                    ["messages"] = references,
                    ["bindings"] = new JsonObject { ["amqp"] = new JsonObject { ["deliveryMode"] = 2, ["bindingVersion"] = AmqpBindingVersion } },
                };
                operations["receive-" + channelId] = new JsonObject
                {
                    ["action"] = "receive",
                    ["channel"] = new JsonObject { ["$ref"] = "#/channels/" + channelId },
                    ["title"] = $"Consume {address}",
                    ["summary"] = $"What a consumer bound to {address} receives.",
                    ["messages"] = references.DeepClone(),
                };
            }
        }

        var document = new JsonObject
        {
            ["asyncapi"] = AsyncApiVersion,
            ["info"] = new JsonObject
            {
                ["title"] = profile.Title + " notifications",
                ["version"] = profile.Version,
                ["description"] = (profile.Introduction is null ? string.Empty : profile.Introduction.Trim() + "\n\n") +
                    $"Every message is the oslo notification envelope. The messagingv2 driver (the usual one) sends it as a JSON string inside {{\"oslo.version\": \"2.0\", \"oslo.message\": \"...\"}}; the messaging driver sends it as it is. Generated by vnotify asyncapi from the notification definitions.",
            },
            ["defaultContentType"] = "application/json",
            ["servers"] = new JsonObject
            {
                ["rabbitmq"] = new JsonObject
                {
                    ["host"] = "localhost:5672",
                    ["protocol"] = "amqp",
                    ["protocolVersion"] = "0.9.1",
                    ["description"] = "The RabbitMQ of the service's [oslo_messaging_notifications] transport_url (else its RPC transport); the host is a placeholder.",
                },
            },
            ["channels"] = channels,
            ["operations"] = operations,
            ["components"] = new JsonObject
            {
                ["schemas"] = Schemas(),
                ["messages"] = Messages(),
            },
        };
        return $"# {GeneratedFiles.Marker} asyncapi from the notification definitions; do not edit.\n" + YamlText.Format(document);
    }

    /// <summary>The component key of an event type's message: its name with dots as underscores.</summary>
    public static string MessageId(EventContract eventType) => Identifier(eventType.Name);

    private JsonObject Schemas()
    {
        var schemas = new JsonObject
        {
            [EnvelopeSchema] = Described("The oslo notification envelope.", EnvelopeSchemas.Notification()),
            [MessagingV2Schema] = Described("oslo's messaging v2 body: the envelope as a JSON string.", EnvelopeSchemas.MessagingV2(string.Empty, withContentSchema: false)),
        };
        var values = new ValueSchemas(service, target => "#/components/schemas/" + target.Name, closedEnums: false);
        foreach (var contract in service.Objects)
        {
            var description = (contract.Definition.Description is null ? string.Empty : contract.Definition.Description + " ") +
                (contract.IsVersioned ? $"Version {contract.Current}, or a later minor version, which may add fields." : "A plain JSON object; a newer release may add keys.");
            schemas[contract.Name] = Described(description, ObjectSchemas.ThisOrLaterMinor(contract, contract.Current, values));
        }

        return schemas;
    }

    private JsonObject Messages()
    {
        var messages = new JsonObject();
        foreach (var eventType in service.Events)
        {
            var envelope = EnvelopeSchemas.Event(eventType, "#/components/schemas/" + EnvelopeSchema, eventType.Payload is null ? null : "#/components/schemas/" + eventType.Payload.Name);
            var priorities = string.Join(" and ", eventType.Priorities.Select(EnvelopeSchemas.WireName));
            var message = new JsonObject
            {
                ["name"] = eventType.Name,
                ["title"] = eventType.Name,
                ["summary"] = eventType.Definition.Description ?? eventType.Name,
                ["contentType"] = "application/json",
                ["payload"] = new JsonObject
                {
                    ["description"] = $"The envelope of {eventType.Name} (sent at {priorities}), or the messaging v2 body around it.",
                    ["oneOf"] = new JsonArray(envelope, new JsonObject { ["$ref"] = "#/components/schemas/" + MessagingV2Schema }),
                },
                ["examples"] = new JsonArray(new JsonObject
                {
                    ["name"] = Identifier(eventType.Name),
                    ["summary"] = "The envelope as the messaging driver sends it; messagingv2 sends it as the string oslo.message.",
                    ["payload"] = ExampleMessages.Message(eventType, service, profile),
                }),
                ["bindings"] = new JsonObject
                {
                    ["amqp"] = new JsonObject { ["contentEncoding"] = "utf-8", ["messageType"] = eventType.Name, ["bindingVersion"] = AmqpBindingVersion },
                },
            };
            messages[MessageId(eventType)] = message;
        }

        return messages;
    }

    private static JsonObject Described(string description, JsonObject schema) => new JsonObject { ["description"] = description }.Then(schema);

    /// <summary>A component key (AsyncAPI allows letters, digits, <c>_</c> and <c>-</c>): other characters become <c>_</c>.</summary>
    private static string Identifier(string name) => NotAllowed().Replace(name, "_");

    [GeneratedRegex("[^A-Za-z0-9_-]")]
    private static partial Regex NotAllowed();
}
