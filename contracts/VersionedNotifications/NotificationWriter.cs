using System;
using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using VersionedNotifications.Wire;

namespace VersionedNotifications;

/// <summary>
/// Writes notifications in the exact oslo form: the envelope keys in oslo's order, the priority upper
/// case, the timestamp as Python prints a naive UTC datetime, the payload through its generated
/// converter, and for <see cref="MessageFormat.MessagingV2"/> the whole envelope as a JSON string
/// inside <c>{"oslo.version": "2.0", "oslo.message": ...}</c>.
/// </summary>
public static class NotificationWriter
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // oslo's bodies carry quotes as \" and keep '<', '>' and '&' as they are; so do we.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

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
        switch (format)
        {
            case MessageFormat.MessagingV1:
                using (var writer = new Utf8JsonWriter(output, WriterOptions))
                {
                    WriteEnvelope(writer, notification, options, uniqueId: notification.Header.UniqueId);
                }

                break;
            case MessageFormat.MessagingV2:
                var inner = new ArrayBufferWriter<byte>(2048);
                using (var writer = new Utf8JsonWriter(inner, WriterOptions))
                {
                    WriteEnvelope(writer, notification, options, uniqueId: notification.Header.UniqueId ?? Guid.NewGuid().ToString("N"));
                }

                using (var writer = new Utf8JsonWriter(output, WriterOptions))
                {
                    writer.WriteStartObject();
                    writer.WriteString("oslo.version"u8, "2.0"u8);
                    writer.WriteString("oslo.message"u8, inner.WrittenSpan);
                    writer.WriteEndObject();
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "Not a message format.");
        }
    }

    /// <summary>Writes only the payload, as it appears under the envelope's <c>payload</c> key.</summary>
    public static void WritePayload(Utf8JsonWriter writer, Notification notification, PayloadWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(notification);
        notification.WritePayload(writer, options ?? PayloadWriteOptions.Default);
    }

    internal static void WriteEnvelope(Utf8JsonWriter writer, Notification notification, PayloadWriteOptions options, string? uniqueId)
    {
        var header = notification.Header;
        writer.WriteStartObject();
        writer.WriteString("message_id"u8, header.MessageId);
        writer.WriteString("publisher_id"u8, header.PublisherId);
        writer.WriteString("event_type"u8, header.EventType);
        writer.WriteString("priority"u8, PriorityNames.ToWire(header.Priority));
        writer.WritePropertyName("payload"u8);
        notification.WritePayload(writer, options);
        writer.WriteString("timestamp"u8, OsloTime.FormatEnvelope(header.Timestamp));
        foreach (var pair in header.ExtensionData)
        {
            writer.WritePropertyName(pair.Key);
            pair.Value.WriteTo(writer);
        }

        foreach (var pair in header.Context)
        {
            writer.WritePropertyName("_context_" + pair.Key);
            pair.Value.WriteTo(writer);
        }

        if (uniqueId is not null)
        {
            writer.WriteString("_unique_id"u8, uniqueId);
        }

        writer.WriteEndObject();
    }
}
