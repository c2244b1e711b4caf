using System;
using System.Collections.Generic;
using System.Text.Json;

namespace VersionedNotifications.Wire;

/// <summary>
/// Reads the envelope keys of one notification and finds where its payload lies, so that the payload
/// can be read with the contract its <c>event_type</c> names, whatever the order of the keys.
/// </summary>
internal sealed class EnvelopeReader
{
    private readonly JsonReaderOptions _options;

    public EnvelopeReader(JsonReaderOptions options) => _options = options;

    /// <summary>The message id, once read; kept for error reports about the rest.</summary>
    public string? MessageId { get; private set; }

    /// <summary>The envelope fields, and the payload's place in the bytes.</summary>
    public readonly record struct Envelope(NotificationHeader Header, int PayloadStart, int PayloadLength);

    public Envelope Read(ReadOnlySpan<byte> bytes)
    {
        var reader = new Utf8JsonReader(bytes, _options);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw WireValue.Mismatch(ref reader, "a notification: a JSON object with message_id, publisher_id, event_type, priority, payload and timestamp");
        }

        string? publisherId = null, eventType = null, uniqueId = null;
        NotificationPriority? priority = null;
        DateTimeOffset? timestamp = null;
        int payloadStart = -1, payloadLength = 0;
        Dictionary<string, JsonElement>? context = null, extension = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var key = WireValue.ReadPropertyName(ref reader);
            reader.Read();
            try
            {
                switch (key)
                {
                    case "message_id":
                        MessageId = WireValue.ReadString(ref reader);
                        break;
                    case "publisher_id":
                        publisherId = WireValue.ReadString(ref reader);
                        break;
                    case "event_type":
                        eventType = WireValue.ReadString(ref reader);
                        break;
                    case "priority":
                        var priorityText = WireValue.ReadString(ref reader);
                        priority = PriorityNames.TryParse(priorityText, out var parsed) ? parsed : throw new WireFormatException($"'{EchoedText.Of(priorityText)}' is not a priority (DEBUG, INFO, WARN, ERROR, CRITICAL, AUDIT, SAMPLE)");
                        break;
                    case "timestamp":
                        var timestampText = WireValue.ReadString(ref reader);
                        timestamp = OsloTime.TryParse(timestampText, out var instant) ? instant : throw new WireFormatException($"'{EchoedText.Of(timestampText)}' is not a timestamp such as 2024-01-02 03:04:05.678901");
                        break;
                    case "payload":
                        payloadStart = checked((int)reader.TokenStartIndex);
                        reader.Skip();
                        payloadLength = checked((int)reader.BytesConsumed) - payloadStart;
                        break;
                    case "_unique_id":
                        uniqueId = WireValue.ReadString(ref reader);
                        break;
                    default:
                        var value = WireValue.ReadAny(ref reader);
                        if (key.StartsWith("_context_", StringComparison.Ordinal))
                        {
                            (context ??= new(StringComparer.Ordinal))[key.Substring("_context_".Length)] = value;
                        }
                        else
                        {
                            (extension ??= new(StringComparer.Ordinal))[key] = value;
                        }

                        break;
                }
            }
            catch (JsonException error)
            {
                throw WireFormatException.Within(error, key);
            }
        }

        NotificationReader.EnsureEnd(ref reader);
        var missing = MessageId is null ? "message_id"
            : publisherId is null ? "publisher_id"
            : eventType is null ? "event_type"
            : priority is null ? "priority"
            : payloadStart < 0 ? "payload"
            : timestamp is null ? "timestamp"
            : null;
        if (missing is not null)
        {
            throw new WireFormatException($"the notification has no {missing}");
        }

        var header = new NotificationHeader
        {
            MessageId = MessageId!,
            PublisherId = publisherId!,
            EventType = eventType!,
            Priority = priority!.Value,
            Timestamp = timestamp!.Value,
            UniqueId = uniqueId,
            Context = (IReadOnlyDictionary<string, JsonElement>?)context ?? NotificationHeader.Empty,
            ExtensionData = (IReadOnlyDictionary<string, JsonElement>?)extension ?? NotificationHeader.Empty,
        };
        return new Envelope(header, payloadStart, payloadLength);
    }
}
