using System;
using System.Buffers;
using System.Text.Encodings.Web;
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
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // The compact text is rewritten by PythonJson, which escapes as Python does whatever this encoder chose;
        // the relaxed one escapes least, which leaves it least to undo.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>What oslo's v2 body has before the inner message's text: the two keys in oslo's order.</summary>
    internal static ReadOnlySpan<byte> V2Start => "{\"oslo.version\": \"2.0\", \"oslo.message\": \""u8;

    /// <summary>What the v2 body has after the inner message's text.</summary>
    internal static ReadOnlySpan<byte> V2End => "\"}"u8;

    /// <summary>The buffer and writers one thread reuses, so that writing to a pooled buffer allocates nothing.</summary>
    [ThreadStatic]
    private static Reusable? t_reusable;

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

        // The thread's writers are taken for the length of the write, so that a write nested in
        // another (a user's converter writing a notification) gets fresh ones.
        var reusable = t_reusable ?? new Reusable();
        t_reusable = null;
        try
        {
            // The envelope is written compact to a buffer of our own and then as Python writes it: the stand-ins of
            // NaN and the infinities become the words json.dumps writes, no JSON writer's spacing or escaping is
            // Python's, and the v2 body's inner string is escaped in the same pass.
            var inner = reusable.InnerFor();
            WriteEnvelope(inner, notification, options, notification.Header.UniqueId, addUniqueId: format == MessageFormat.MessagingV2);
            inner.Flush();
            var envelope = PythonFloatLiterals.FromStandIns(reusable.Inner.WrittenSpan);
            if (format == MessageFormat.MessagingV1)
            {
                PythonJson.Write(envelope, output, asStringContent: false);
                return;
            }

            output.Write(V2Start);
            PythonJson.Write(envelope, output, asStringContent: true);
            output.Write(V2End);
        }
        finally
        {
            t_reusable = reusable;
        }
    }

    /// <summary>Writes only the payload, as it appears under the envelope's <c>payload</c> key.</summary>
    public static void WritePayload(Utf8JsonWriter writer, Notification notification, PayloadWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(notification);
        notification.WritePayload(writer, options ?? PayloadWriteOptions.Default);
    }

    // addUniqueId: whether to make a _unique_id when uniqueId is null (a v2 body always has one).
    internal static void WriteEnvelope(Utf8JsonWriter writer, Notification notification, PayloadWriteOptions options, string? uniqueId, bool addUniqueId)
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
        if (uniqueId is not null)
        {
            writer.WriteString("_unique_id"u8, uniqueId);
        }
        else if (addUniqueId)
        {
            Guid.NewGuid().TryFormat(text, out var written, "N");
            writer.WriteString("_unique_id"u8, text[..written]);
        }

        WriteContext(writer, header);
        writer.WriteEndObject();
    }

    /// <summary>Writes the request context as oslo's <c>pack_context</c> adds it: <c>_context_&lt;key&gt;</c> for each key.</summary>
    internal static void WriteContext(Utf8JsonWriter writer, NotificationHeader header)
    {
        foreach (var pair in header.Context)
        {
            writer.WritePropertyName("_context_" + pair.Key);
            pair.Value.WriteTo(writer);
        }
    }

    private sealed class Reusable
    {
        public readonly ArrayBufferWriter<byte> Inner = new(4096);
        private Utf8JsonWriter? _inner;

        public Utf8JsonWriter InnerFor()
        {
            Inner.ResetWrittenCount();
            return Reset(ref _inner, Inner);
        }

        private static Utf8JsonWriter Reset(ref Utf8JsonWriter? writer, IBufferWriter<byte> output)
        {
            if (writer is null)
            {
                writer = new Utf8JsonWriter(output, WriterOptions);
            }
            else
            {
                writer.Reset(output);
            }

            return writer;
        }
    }
}
