using System;
using System.Buffers;
using System.Text.Json;
using VersionedNotifications.Wire;

namespace VersionedNotifications;

/// <summary>
/// Writes notifications byte for byte as oslo.messaging does: the envelope keys in oslo's order, the priority
/// upper case, the timestamp as Python prints a naive UTC datetime, the payload through its generated converter,
/// <c>_unique_id</c> and then the request context, all as Python's <c>json.dumps</c> writes JSON (see
/// <see cref="PythonJson"/>); for <see cref="MessageFormat.MessagingV2"/> the whole envelope as a JSON string
/// inside <c>{"oslo.version": "2.0", "oslo.message": ...}</c>.
/// </summary>
public static class NotificationWriter
{
    /// <summary>What oslo's v2 body has before the inner message's text: the two keys in oslo's order.</summary>
    internal static ReadOnlySpan<byte> V2Start => "{\"oslo.version\": \"2.0\", \"oslo.message\": \""u8;

    /// <summary>What the v2 body has after the inner message's text.</summary>
    internal static ReadOnlySpan<byte> V2End => "\"}"u8;

    // The envelope's keys, made once at each level of escaping.
    private static readonly OsloPropertyName MessageIdName = new("message_id");
    private static readonly OsloPropertyName PublisherIdName = new("publisher_id");
    private static readonly OsloPropertyName EventTypeName = new("event_type");
    private static readonly OsloPropertyName PriorityName = new("priority");
    private static readonly OsloPropertyName PayloadName = new("payload");
    private static readonly OsloPropertyName TimestampName = new("timestamp");
    private static readonly OsloPropertyName UniqueIdName = new("_unique_id");

    /// <summary>The message as bytes.</summary>
    public static byte[] Write(Notification notification, MessageFormat format = MessageFormat.MessagingV2, PayloadWriteOptions? options = null)
    {
        var buffer = new ArrayBufferWriter<byte>(2048);
        Write(buffer, notification, format, options);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes the message to <paramref name="output"/>.</summary>
    /// <exception cref="ArgumentException">The options ask for a backport the payload cannot take.</exception>
    public static void Write(IBufferWriter<byte> output, Notification notification, MessageFormat format = MessageFormat.MessagingV2, PayloadWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(notification);
        options ??= PayloadWriteOptions.Default;
        if (format is not (MessageFormat.MessagingV1 or MessageFormat.MessagingV2))
        {
            throw new ArgumentOutOfRangeException(nameof(format), format, "Not a message format.");
        }

        var writer = OsloJsonWriter.Take(asStringContent: format == MessageFormat.MessagingV2);
        try
        {
            WriteBody(writer, notification, options, format);
            output.Write(writer.WrittenSpan);
        }
        finally
        {
            OsloJsonWriter.Return(writer);
        }
    }

    /// <summary>The body of <paramref name="format"/> as oslo writes it, in one pass: a v2 body's inner message is written already escaped for the outer string.</summary>
    private static void WriteBody(OsloJsonWriter writer, Notification notification, PayloadWriteOptions options, MessageFormat format)
    {
        if (format == MessageFormat.MessagingV1)
        {
            WriteEnvelope(writer, notification, options, addUniqueId: false);
            return;
        }

        writer.WriteRaw(V2Start);
        WriteEnvelope(writer, notification, options, addUniqueId: true);
        writer.WriteRaw(V2End);
    }

    /// <summary>Writes only the payload, as it appears under the envelope's <c>payload</c> key.</summary>
    public static void WritePayload(Utf8JsonWriter writer, Notification notification, PayloadWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(notification);
        notification.WritePayload(writer, options ?? PayloadWriteOptions.Default);
    }

    // addUniqueId: whether to make a _unique_id when the header has none (a v2 body always has one).
    private static void WriteEnvelope(OsloJsonWriter writer, Notification notification, PayloadWriteOptions options, bool addUniqueId)
    {
        WriteEnvelopeHead(writer, notification, options);
        // oslo's AMQP driver adds _unique_id to the message and then the request context (pack_context).
        if (notification.Header.UniqueId is { } uniqueId)
        {
            WriteUniqueId(writer, uniqueId);
        }
        else if (addUniqueId)
        {
            Span<byte> text = stackalloc byte[32];
            Guid.NewGuid().TryFormat(text, out var written, "N");
            writer.WritePropertyName(UniqueIdName);
            writer.WritePlainStringValue(text[..written]);
        }

        WriteContext(writer, notification.Header);
        writer.WriteEndObject();
    }

    /// <summary>The envelope up to the place of <c>_unique_id</c>: its fields and any read from the wire after them, without the closing brace.</summary>
    internal static void WriteEnvelopeHead(OsloJsonWriter writer, Notification notification, PayloadWriteOptions options)
    {
        var header = notification.Header;
        writer.WriteStartObject();
        writer.WritePropertyName(MessageIdName);
        writer.WriteStringValue(header.MessageId);
        writer.WritePropertyName(PublisherIdName);
        writer.WriteStringValue(header.PublisherId);
        writer.WritePropertyName(EventTypeName);
        writer.WriteStringValue(header.EventType);
        writer.WritePropertyName(PriorityName);
        writer.WriteStringValue(PriorityNames.ToWire(header.Priority));
        writer.WritePropertyName(PayloadName);
        notification.WritePayload(writer, options);
        Span<byte> text = stackalloc byte[40];
        writer.WritePropertyName(TimestampName);
        writer.WritePlainStringValue(text[..OsloTime.FormatEnvelope(header.Timestamp, text)]);
        foreach (var pair in header.ExtensionData)
        {
            writer.WritePropertyName(pair.Key);
            OsloJsonTree.WriteElement(writer, pair.Value);
        }
    }

    /// <summary>The <c>_unique_id</c> member.</summary>
    internal static void WriteUniqueId(OsloJsonWriter writer, string uniqueId)
    {
        writer.WritePropertyName(UniqueIdName);
        writer.WriteStringValue(uniqueId);
    }

    /// <summary>Writes the request context as oslo's <c>pack_context</c> adds it: <c>_context_&lt;key&gt;</c> for each key.</summary>
    internal static void WriteContext(OsloJsonWriter writer, NotificationHeader header)
    {
        foreach (var pair in header.Context)
        {
            writer.WritePropertyName("_context_"u8, pair.Key);
            OsloJsonTree.WriteElement(writer, pair.Value);
        }
    }

    /// <summary>The envelope with a JSON writer, for System.Text.Json (<see cref="NotificationJsonConverter"/>): the header's <c>_unique_id</c> if it has one.</summary>
    internal static void WriteEnvelope(Utf8JsonWriter writer, Notification notification, PayloadWriteOptions options)
    {
        var header = notification.Header;
        writer.WriteStartObject();
        writer.WritePropertyName("message_id"u8);
        WireValue.WriteText(writer, header.MessageId);
        writer.WritePropertyName("publisher_id"u8);
        WireValue.WriteText(writer, header.PublisherId);
        writer.WritePropertyName("event_type"u8);
        WireValue.WriteText(writer, header.EventType);
        writer.WriteString("priority"u8, PriorityNames.ToWire(header.Priority));
        writer.WritePropertyName("payload"u8);
        notification.WritePayload(writer, options);
        Span<byte> text = stackalloc byte[40];
        writer.WriteString("timestamp"u8, text[..OsloTime.FormatEnvelope(header.Timestamp, text)]);
        foreach (var pair in header.ExtensionData)
        {
            writer.WritePropertyName(pair.Key);
            pair.Value.WriteTo(writer);
        }

        // oslo's AMQP driver adds _unique_id to the message and then the request context (pack_context).
        if (header.UniqueId is { } uniqueId)
        {
            writer.WriteString("_unique_id"u8, uniqueId);
        }

        WriteContext(writer, header);
        writer.WriteEndObject();
    }

    private static void WriteContext(Utf8JsonWriter writer, NotificationHeader header)
    {
        foreach (var pair in header.Context)
        {
            writer.WritePropertyName("_context_" + pair.Key);
            pair.Value.WriteTo(writer);
        }
    }
}
