using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text.Encodings.Web;
using System.Text.Json;
using VersionedNotifications.Wire;

namespace VersionedNotifications.Drivers;

/// <summary>
/// One notification on its way to the drivers: its header, the topics it goes to, and the envelope
/// written once, secrets already masked. Drivers send <see cref="Envelope"/> (oslo's v1 form, what the
/// log driver prints) or the messagingv2 body made from it by <see cref="ToMessagingV2"/>.
/// </summary>
public sealed class OutgoingNotification
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private OutgoingNotification(NotificationHeader header, ReadOnlyMemory<byte> envelope, IReadOnlyList<string> topics)
    {
        Header = header;
        Envelope = envelope;
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
    /// The envelope as JSON (<see cref="MessageFormat.MessagingV1"/>), masked as the options asked. It has
    /// no <c>_unique_id</c> unless the header carried one.
    /// </summary>
    public ReadOnlyMemory<byte> Envelope { get; }

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

        var envelope = NotificationWriter.Write(notification, MessageFormat.MessagingV1, options);
        return new OutgoingNotification(notification.Header, envelope, topics);
    }

    /// <summary>
    /// The oslo messagingv2 body, <c>{"oslo.version": "2.0", "oslo.message": "&lt;envelope&gt;"}</c>, with the
    /// envelope's <c>_unique_id</c> or else <paramref name="uniqueId"/> or else a new one: oslo gives each
    /// message it sends its own, which its listeners use to drop duplicates.
    /// </summary>
    public byte[] ToMessagingV2(string? uniqueId = null)
    {
        var buffer = new ArrayBufferWriter<byte>(Envelope.Length + 96);
        WriteMessagingV2(buffer, uniqueId);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes the messagingv2 body (see <see cref="ToMessagingV2"/>) to <paramref name="output"/>.</summary>
    public void WriteMessagingV2(IBufferWriter<byte> output, string? uniqueId = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var writer = new Utf8JsonWriter(output, WriterOptions);
        writer.WriteStartObject();
        writer.WriteString("oslo.version"u8, "2.0"u8);
        if (Header.UniqueId is not null)
        {
            writer.WriteString("oslo.message"u8, Envelope.Span);
        }
        else
        {
            // The envelope is a compact object from NotificationWriter; oslo adds _unique_id last, so do we.
            var id = JsonEncodedText.Encode(uniqueId ?? Guid.NewGuid().ToString("N"), JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
            var span = Envelope.Span;
            var inner = new ArrayBufferWriter<byte>(span.Length + 24 + id.EncodedUtf8Bytes.Length);
            inner.Write(span[..^1]);
            inner.Write(",\"_unique_id\":\""u8);
            inner.Write(id.EncodedUtf8Bytes);
            inner.Write("\"}"u8);
            writer.WriteString("oslo.message"u8, inner.WrittenSpan);
        }

        writer.WriteEndObject();
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Header.EventType} {PriorityNames.ToWire(Header.Priority)} {Header.MessageId}";
}
