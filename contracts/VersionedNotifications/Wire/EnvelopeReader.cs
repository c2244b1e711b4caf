using System;
using System.Collections.Generic;
using System.Text.Json;

namespace VersionedNotifications.Wire;

/// <summary>
/// Reads the envelope keys of one notification and finds where its payload lies, so that the payload
/// can be read with the contract its <c>event_type</c> names, whatever the order of the keys.
/// </summary>
/// <remarks>
/// When <c>event_type</c> comes before the payload, as oslo writes it, the payload is read in the same pass with the
/// contract of that event type, and what that read found (the payload or its error) is kept for after the envelope:
/// an error in the envelope still comes first. A payload whose read fails is skipped from its start, so a payload
/// that is no JSON at all fails the envelope, as without this pass.
/// </remarks>
internal struct EnvelopeReader
{
    private readonly JsonReaderOptions _options;
    private readonly Func<string, PayloadContract?> _objectContractOf;

    /// <param name="options">The JSON reader's options.</param>
    /// <param name="objectContractOf">The contract that reads the object payload of an event type, if any.</param>
    public EnvelopeReader(JsonReaderOptions options, Func<string, PayloadContract?> objectContractOf)
    {
        _options = options;
        _objectContractOf = objectContractOf;
    }

    /// <summary>The message id, once read; kept for error reports about the rest.</summary>
    public string? MessageId { get; private set; }

    /// <summary>
    /// The envelope fields, the payload's place in the bytes, and, when the payload was read in the same pass with
    /// <paramref name="PayloadContract"/> (the contract of the header's event type), the payload or the error it gave.
    /// </summary>
    public readonly record struct Envelope(NotificationHeader Header, int PayloadStart, int PayloadLength, PayloadContract? PayloadContract, object? Payload, JsonException? PayloadError);

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
        PayloadContract? payloadContract = null;
        object? payload = null;
        JsonException? payloadError = null;
        string? payloadEventType = null;
        Dictionary<string, JsonElement>? context = null, extension = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var key = KnownKeyOf(ref reader) ?? WireValue.ReadPropertyName(ref reader);
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
                        WireValue.Expect(ref reader, JsonTokenType.String, "a string");
                        priority = WireValue.TryParseText<NotificationPriority>(ref reader, PriorityNames.TryParse, out var parsed) ? parsed : throw new WireFormatException($"'{EchoedText.Of(WireValue.ReadString(ref reader))}' is not a priority (DEBUG, INFO, WARN, ERROR, CRITICAL, AUDIT, SAMPLE)");
                        break;
                    case "timestamp":
                        WireValue.Expect(ref reader, JsonTokenType.String, "a string");
                        timestamp = WireValue.TryParseText<DateTimeOffset>(ref reader, OsloTime.TryParse, out var instant) ? instant : throw new WireFormatException($"'{EchoedText.Of(WireValue.ReadString(ref reader))}' is not a timestamp such as 2024-01-02 03:04:05.678901");
                        break;
                    case "payload":
                        payloadStart = checked((int)reader.TokenStartIndex);
                        (payloadContract, payload, payloadError, payloadEventType) = (null, null, null, null);
                        if (eventType is not null && reader.TokenType == JsonTokenType.StartObject && _objectContractOf(eventType) is { } contract)
                        {
                            (payload, payloadError) = ReadInPlace(ref reader, contract);
                            (payloadContract, payloadEventType) = (contract, eventType);
                        }
                        else
                        {
                            reader.Skip();
                        }

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
        // An event_type sent again after the payload names the contract that reads it (the last of repeated keys counts).
        return payloadEventType == eventType
            ? new Envelope(header, payloadStart, payloadLength, payloadContract, payload, payloadError)
            : new Envelope(header, payloadStart, payloadLength, null, null, null);
    }

    /// <summary>
    /// The envelope key the reader stands on, as a constant, when it is one written without escapes (as every producer
    /// writes them): a string made for each key would be dropped as soon as the key is matched.
    /// </summary>
    private static string? KnownKeyOf(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped || reader.HasValueSequence)
        {
            return null;
        }

        var name = reader.ValueSpan;
        return name.SequenceEqual("message_id"u8) ? "message_id"
            : name.SequenceEqual("publisher_id"u8) ? "publisher_id"
            : name.SequenceEqual("event_type"u8) ? "event_type"
            : name.SequenceEqual("priority"u8) ? "priority"
            : name.SequenceEqual("payload"u8) ? "payload"
            : name.SequenceEqual("timestamp"u8) ? "timestamp"
            : name.SequenceEqual("_unique_id"u8) ? "_unique_id"
            : null;
    }

    /// <summary>
    /// Reads the payload under the reader with <paramref name="contract"/>, and leaves the reader on its last token.
    /// On an error the reader skips the payload from its first token, which throws when the payload is not JSON.
    /// </summary>
    private static (object? Payload, JsonException? Error) ReadInPlace(ref Utf8JsonReader reader, PayloadContract contract)
    {
        var start = reader;
        try
        {
            return (contract.Read(ref reader), null);
        }
        catch (JsonException error)
        {
            reader = start;
            reader.Skip();
            return (null, error);
        }
    }
}
