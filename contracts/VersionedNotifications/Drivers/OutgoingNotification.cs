using System;
using System.Buffers;
using System.Collections.Generic;
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
    // The envelope as oslo writes it (ASCII), in two parts around the place of _unique_id: the fields up to the
    // timestamp (and any read from the wire after it), without the closing brace; then the request context, each key
    // with the ", " before it, and the closing brace. A v1 body is these with _unique_id between them; a v2 body the
    // same escaped once more for the outer string, which for this ASCII text means a backslash before " and \.
    private readonly byte[] _text;
    private readonly int _headLength;

    // Written on first use: most drivers send a bus body and never ask for it.
    private byte[]? _envelope;

    private OutgoingNotification(NotificationHeader header, byte[] text, int headLength, IReadOnlyList<string> topics)
    {
        Header = header;
        _text = text;
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

        // Written to the thread's writer and copied out once: the envelope's text is all this keeps.
        var writer = OsloJsonWriter.Take(asStringContent: false);
        try
        {
            NotificationWriter.WriteEnvelopeHead(writer, notification, options ?? PayloadWriteOptions.Default);
            var headLength = writer.WrittenSpan.Length;
            NotificationWriter.WriteContext(writer, notification.Header);
            writer.WriteEndObject();
            return new OutgoingNotification(notification.Header, writer.WrittenSpan.ToArray(), headLength, topics);
        }
        finally
        {
            OsloJsonWriter.Return(writer);
        }
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
        WriteEnvelope(output, Header.UniqueId ?? uniqueId ?? NewUniqueId(), asStringContent: true);
    }

    /// <summary>
    /// The body oslo.messaging's AMQP 1.0 driver sends (<c>marshal_request</c>):
    /// <c>{"request": &lt;the message&gt;, "context": &lt;the request context&gt;}</c>, where the message is the messagingv2
    /// body or, for <see cref="MessageFormat.MessagingV1"/>, the envelope, without <c>_unique_id</c> and without
    /// <c>_context_*</c> keys: that driver carries the context beside the message and adds no id.
    /// </summary>
    public byte[] ToOsloAmqp1Body(MessageFormat format)
    {
        var buffer = new ArrayBufferWriter<byte>(_text.Length + (_text.Length / 8) + 160);
        buffer.Write("{\"request\": "u8);
        WriteEnvelope(buffer, uniqueId: null, asStringContent: format == MessageFormat.MessagingV2, withContext: false);
        buffer.Write(", \"context\": "u8);
        var writer = OsloJsonWriter.Take(asStringContent: false);
        try
        {
            writer.WriteStartObject();
            foreach (var pair in Header.Context)
            {
                writer.WritePropertyName(pair.Key);
                OsloJsonTree.WriteElement(writer, pair.Value);
            }

            writer.WriteEndObject();
            buffer.Write(writer.WrittenSpan);
        }
        finally
        {
            OsloJsonWriter.Return(writer);
        }

        buffer.Write("}"u8);
        return buffer.WrittenSpan.ToArray();
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Header.EventType} {PriorityNames.ToWire(Header.Priority)} {Header.MessageId}";

    private static string NewUniqueId() => Guid.NewGuid().ToString("N");

    // The envelope in a v1 body (as it is) or a v2 body (escaped for the outer string, between the frame's two parts).
    private void WriteEnvelope(IBufferWriter<byte> output, string? uniqueId, bool asStringContent, bool withContext = true)
    {
        if (asStringContent)
        {
            output.Write(NotificationWriter.V2Start);
        }

        var text = _text.AsSpan();
        WritePart(output, text[.._headLength], asStringContent);
        if (uniqueId is not null)
        {
            var writer = OsloJsonWriter.Take(asStringContent: false);
            try
            {
                // The member alone: its ", " and then _unique_id as the envelope writes it.
                writer.WriteRaw(", "u8);
                NotificationWriter.WriteUniqueId(writer, uniqueId);
                WritePart(output, writer.WrittenSpan, asStringContent);
            }
            finally
            {
                OsloJsonWriter.Return(writer);
            }
        }

        WritePart(output, withContext ? text[_headLength..] : "}"u8, asStringContent);
        if (asStringContent)
        {
            output.Write(NotificationWriter.V2End);
        }
    }

    private static void WritePart(IBufferWriter<byte> output, ReadOnlySpan<byte> text, bool asStringContent)
    {
        if (asStringContent)
        {
            PythonJson.WriteAsStringContent(text, output);
        }
        else
        {
            output.Write(text);
        }
    }
}
