using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text.Encodings.Web;
using System.Text.Json;
using VersionedNotifications.Wire;

namespace VersionedNotifications.Drivers;

/// <summary>
/// One notification on its way to the drivers: its header, the topics it goes to, and the envelope
/// written once, secrets already masked. Drivers send <see cref="Envelope"/> (oslo's v1 form without
/// <c>_unique_id</c>, what the log driver prints), or the bus bodies of oslo's <c>messaging</c> and
/// <c>messagingv2</c> drivers, <see cref="WriteMessagingV1"/> and <see cref="WriteMessagingV2"/>, byte for byte
/// what oslo.messaging publishes.
/// </summary>
public sealed class OutgoingNotification
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // The envelope as a JSON writer wrote it, compact, in two parts around the place of _unique_id: the fields up to
    // the timestamp (and any read from the wire after it), without the closing brace; then the request context, each
    // key with its leading comma. The bodies are written from these in one pass each (PythonJson).
    private readonly byte[] _compact;
    private readonly int _headLength;

    // Written on first use: most drivers send a bus body and never ask for it.
    private byte[]? _envelope;

    private OutgoingNotification(NotificationHeader header, byte[] compact, int headLength, IReadOnlyList<string> topics)
    {
        Header = header;
        _compact = compact;
        _headLength = headLength;
        Topics = topics;
    }

    /// <summary>The envelope fields.</summary>
    public NotificationHeader Header { get; }

    /// <summary>The <c>event_type</c>.</summary>
    public string EventType => Header.EventType;

    /// <summary>The <c>priority</c>.</summary>
    public NotificationPriority Priority => Header.Priority;

    /// <summary>The <c>message_id</c>.</summary>
    public string MessageId => Header.MessageId;

    /// <summary>The <c>publisher_id</c>.</summary>
    public string PublisherId => Header.PublisherId;

    /// <summary>The topics it goes to; a bus driver sends one message to <c>&lt;topic&gt;.&lt;priority&gt;</c> for each.</summary>
    public IReadOnlyList<string> Topics { get; }

    /// <summary>
    /// The envelope as oslo writes it (<see cref="MessageFormat.MessagingV1"/>), masked as the options asked. It has
    /// no <c>_unique_id</c> unless the header carried one: what oslo's log driver prints.
    /// </summary>
    public ReadOnlyMemory<byte> Envelope =>
        _envelope ??= ThreadOutputBuffer.ToArray(this, static (self, output) => self.WriteEnvelope(output, self.Header.UniqueId, asStringContent: false));

    /// <summary>
    /// Writes <paramref name="notification"/> once for every driver.
    /// </summary>
    /// <param name="notification">The notification.</param>
    /// <param name="topics">The topics it goes to.</param>
    /// <param name="options">How the payload is written; <see cref="PayloadWriteOptions.Default"/> masks secrets.</param>
    /// <exception cref="ArgumentException">The topics are empty, or the options ask for a backport the payload cannot take.</exception>
    public static OutgoingNotification Create(Notification notification, IReadOnlyList<string> topics, PayloadWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ArgumentNullException.ThrowIfNull(topics);
        if (topics.Count == 0)
        {
            throw new ArgumentException("A notification goes to at least one topic.", nameof(topics));
        }

        // Written to the thread's buffer and copied out once: the compact envelope is all this keeps.
        var buffer = ThreadOutputBuffer.Take();
        try
        {
            return Create(notification, topics, options, buffer);
        }
        finally
        {
            ThreadOutputBuffer.Return(buffer);
        }
    }

    private static OutgoingNotification Create(Notification notification, IReadOnlyList<string> topics, PayloadWriteOptions? options, ArrayBufferWriter<byte> buffer)
    {
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            NotificationWriter.WriteEnvelope(writer, notification, options ?? PayloadWriteOptions.Default, uniqueId: null, addUniqueId: false);
        }

        var envelope = PythonFloatLiterals.FromStandIns(buffer.WrittenSpan);
        var contextStart = envelope.Length - 1;
        if (notification.Header.Context.Count > 0)
        {
            // The context is written last; its keys are found again by writing them alone.
            var context = new ArrayBufferWriter<byte>(256);
            using (var writer = new Utf8JsonWriter(context, WriterOptions))
            {
                writer.WriteStartObject();
                NotificationWriter.WriteContext(writer, notification.Header);
                writer.WriteEndObject();
            }

            // "{...}" alone is "...,...}" at the end of the envelope: its keys with the comma before the first.
            contextStart = envelope.Length - PythonFloatLiterals.FromStandIns(context.WrittenSpan).Length;
        }

        return new OutgoingNotification(notification.Header, envelope.ToArray(), contextStart, topics);
    }

    /// <summary>
    /// The body oslo's <c>messaging</c> driver (v1) publishes: the envelope with <c>_unique_id</c> (the header's, or else
    /// <paramref name="uniqueId"/>, or else a new one) before the request context, as oslo's AMQP driver adds them.
    /// </summary>
    public byte[] ToMessagingV1(string? uniqueId = null) =>
        ThreadOutputBuffer.ToArray((Self: this, UniqueId: uniqueId), static (state, output) => state.Self.WriteMessagingV1(output, state.UniqueId));

    /// <summary>Writes the v1 bus body (see <see cref="ToMessagingV1"/>) to <paramref name="output"/>.</summary>
    public void WriteMessagingV1(IBufferWriter<byte> output, string? uniqueId = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        WriteEnvelope(output, Header.UniqueId ?? uniqueId ?? NewUniqueId(), asStringContent: false);
    }

    /// <summary>
    /// The oslo messagingv2 body, <c>{"oslo.version": "2.0", "oslo.message": "&lt;envelope&gt;"}</c>, with the
    /// header's <c>_unique_id</c> or else <paramref name="uniqueId"/> or else a new one: oslo gives each
    /// message it sends its own, which its listeners use to drop duplicates.
    /// </summary>
    public byte[] ToMessagingV2(string? uniqueId = null) =>
        ThreadOutputBuffer.ToArray((Self: this, UniqueId: uniqueId), static (state, output) => state.Self.WriteMessagingV2(output, state.UniqueId));

    /// <summary>Writes the messagingv2 body (see <see cref="ToMessagingV2"/>) to <paramref name="output"/>.</summary>
    public void WriteMessagingV2(IBufferWriter<byte> output, string? uniqueId = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Write(NotificationWriter.V2Start);
        WriteEnvelope(output, Header.UniqueId ?? uniqueId ?? NewUniqueId(), asStringContent: true);
        output.Write(NotificationWriter.V2End);
    }

    /// <summary>
    /// The body oslo.messaging's AMQP 1.0 driver sends (<c>marshal_request</c>):
    /// <c>{"request": &lt;the message&gt;, "context": &lt;the request context&gt;}</c>, where the message is the messagingv2
    /// body or, for <see cref="MessageFormat.MessagingV1"/>, the envelope, without <c>_unique_id</c> and without
    /// <c>_context_*</c> keys: that driver carries the context beside the message and adds no id.
    /// </summary>
    public byte[] ToOsloAmqp1Body(MessageFormat format)
    {
        var buffer = new ArrayBufferWriter<byte>(_compact.Length + (_compact.Length / 8) + 160);
        buffer.Write("{\"request\": "u8);
        if (format == MessageFormat.MessagingV2)
        {
            buffer.Write(NotificationWriter.V2Start);
            WriteEnvelope(buffer, uniqueId: null, asStringContent: true, withContext: false);
            buffer.Write(NotificationWriter.V2End);
        }
        else
        {
            WriteEnvelope(buffer, uniqueId: null, asStringContent: false, withContext: false);
        }

        buffer.Write(", \"context\": "u8);
        var context = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(context, WriterOptions))
        {
            writer.WriteStartObject();
            foreach (var pair in Header.Context)
            {
                writer.WritePropertyName(pair.Key);
                pair.Value.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        PythonJson.Write(PythonFloatLiterals.FromStandIns(context.WrittenSpan), buffer, asStringContent: false);
        buffer.Write("}"u8);
        return buffer.WrittenSpan.ToArray();
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Header.EventType} {PriorityNames.ToWire(Header.Priority)} {Header.MessageId}";

    private static string NewUniqueId() => Guid.NewGuid().ToString("N");

    private static void WriteUniqueId(IBufferWriter<byte> output, string uniqueId, bool asStringContent)
    {
        // oslo's ids are 32 hex digits; anything else a caller gives is escaped by the JSON encoder first.
        ReadOnlySpan<byte> key = ",\"_unique_id\":\""u8;
        var plain = uniqueId.Length <= 128 && !uniqueId.AsSpan().ContainsAnyExceptInRange(' ', '~') && uniqueId.AsSpan().IndexOfAny('"', '\\') < 0;
        var value = plain ? null : JsonEncodedText.Encode(uniqueId, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).EncodedUtf8Bytes.ToArray();
        var length = key.Length + (value?.Length ?? uniqueId.Length) + 1;
        var pair = length <= 256 ? stackalloc byte[length] : new byte[length];
        key.CopyTo(pair);
        if (value is null)
        {
            System.Text.Encoding.ASCII.GetBytes(uniqueId, pair[key.Length..]);
        }
        else
        {
            value.CopyTo(pair[key.Length..]);
        }

        pair[^1] = (byte)'"';
        PythonJson.Write(pair, output, asStringContent);
    }

    private void WriteEnvelope(IBufferWriter<byte> output, string? uniqueId, bool asStringContent, bool withContext = true)
    {
        var compact = _compact.AsSpan();
        PythonJson.Write(compact[.._headLength], output, asStringContent);
        if (uniqueId is not null)
        {
            WriteUniqueId(output, uniqueId, asStringContent);
        }

        PythonJson.Write(withContext ? compact[_headLength..] : "}"u8, output, asStringContent);
    }
}
