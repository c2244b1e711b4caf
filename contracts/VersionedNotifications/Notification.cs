using System;
using System.Collections.Generic;
using System.Text.Json;
using VersionedNotifications.Wire;

namespace VersionedNotifications;

/// <summary>The envelope fields of one notification: everything but the payload.</summary>
public sealed record NotificationHeader
{
    /// <summary>The <c>message_id</c>, a UUID.</summary>
    public required string MessageId { get; init; }

    /// <summary>The <c>publisher_id</c>, <c>service.host</c> (for example <c>ironic-conductor.node-1</c>).</summary>
    public required string PublisherId { get; init; }

    /// <summary>The <c>event_type</c>.</summary>
    public required string EventType { get; init; }

    /// <summary>The <c>priority</c>.</summary>
    public required NotificationPriority Priority { get; init; }

    /// <summary>The <c>timestamp</c>, in UTC on the wire.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>oslo.messaging's <c>_unique_id</c> (32 hex digits) used to drop duplicate deliveries; a v2 write adds one when it is missing.</summary>
    public string? UniqueId { get; init; }

    /// <summary>The request context, sent as <c>_context_&lt;key&gt;</c> entries; keys here are without the prefix.</summary>
    public IReadOnlyDictionary<string, JsonElement> Context { get; init; } = Empty;

    /// <summary>Other envelope keys, kept as read and written back.</summary>
    public IReadOnlyDictionary<string, JsonElement> ExtensionData { get; init; } = Empty;

    /// <summary>A header for a new notification: a fresh message id and the current time (to the microsecond, as oslo has it).</summary>
    public static NotificationHeader New(string eventType, NotificationPriority priority, string publisherId)
    {
        ArgumentNullException.ThrowIfNull(eventType);
        ArgumentNullException.ThrowIfNull(publisherId);
        return new NotificationHeader
        {
            MessageId = Guid.NewGuid().ToString(),
            PublisherId = publisherId,
            EventType = eventType,
            Priority = priority,
            Timestamp = NowToTheMicrosecond(),
        };
    }

    /// <summary>The current UTC time at Python's precision, so that the timestamp is written exactly as oslo writes its own.</summary>
    private static DateTimeOffset NowToTheMicrosecond()
    {
        var now = DateTimeOffset.UtcNow;
        return now.AddTicks(-(now.Ticks % 10));
    }

    internal static readonly IReadOnlyDictionary<string, JsonElement> Empty = new Dictionary<string, JsonElement>();
}

/// <summary>A notification with its payload read or built; <see cref="Notification{TPayload}"/> gives the typed payload.</summary>
public abstract class Notification
{
    private protected Notification(NotificationHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        Header = header;
    }

    /// <summary>The envelope fields.</summary>
    public NotificationHeader Header { get; }

    /// <summary>The <c>event_type</c>.</summary>
    public string EventType => Header.EventType;

    /// <summary>The <c>priority</c>.</summary>
    public NotificationPriority Priority => Header.Priority;

    /// <summary>The payload as an object: a generated record, or a <see cref="string"/> for text payloads.</summary>
    public abstract object PayloadValue { get; }

    /// <summary>A notification of <paramref name="eventType"/> at its priority, with a new message id and the current time.</summary>
    public static Notification<TPayload> Create<TPayload>(EventType<TPayload> eventType, TPayload payload, string publisherId)
        where TPayload : class, INotificationPayload<TPayload>
    {
        ArgumentNullException.ThrowIfNull(eventType);
        return Create(NotificationHeader.New(eventType.Name, eventType.Priority, publisherId), payload);
    }

    /// <summary>A notification with the given header and payload.</summary>
    public static Notification<TPayload> Create<TPayload>(NotificationHeader header, TPayload payload)
        where TPayload : class, INotificationPayload<TPayload> => new(header, payload) { Contract = PayloadContract.For<TPayload>() };

    /// <summary>A notification whose payload is a plain text message, as Glance sends at WARN and ERROR.</summary>
    public static Notification<string> CreateText(NotificationHeader header, string message) => new(header, message);

    internal abstract void WritePayload(Utf8JsonWriter writer, PayloadWriteOptions options);

    internal abstract void WritePayload(OsloJsonWriter writer, PayloadWriteOptions options);

    /// <summary>The same payload under another header.</summary>
    internal abstract Notification WithHeader(NotificationHeader header);
}

/// <summary>A notification whose payload is <typeparamref name="TPayload"/>.</summary>
/// <typeparam name="TPayload">A generated payload record, or <see cref="string"/> for a text payload.</typeparam>
public sealed class Notification<TPayload> : Notification
    where TPayload : class
{
    internal Notification(NotificationHeader header, TPayload payload)
        : base(header)
    {
        ArgumentNullException.ThrowIfNull(payload);
        Payload = payload;
    }

    /// <summary>The payload.</summary>
    public TPayload Payload { get; }

    /// <inheritdoc/>
    public override object PayloadValue => Payload;

    internal PayloadContract? Contract { get; init; }

    internal override Notification WithHeader(NotificationHeader header) => new Notification<TPayload>(header, Payload) { Contract = Contract };

    internal override void WritePayload(Utf8JsonWriter writer, PayloadWriteOptions options)
    {
        if (Payload is string text)
        {
            WireValue.WriteText(writer, text);
            return;
        }

        (Contract ?? throw new InvalidOperationException($"No converter is known for {typeof(TPayload)}."))
            .Write(writer, Payload, options);
    }

    internal override void WritePayload(OsloJsonWriter writer, PayloadWriteOptions options)
    {
        if (Payload is string text)
        {
            writer.WriteStringValue(text);
            return;
        }

        (Contract ?? throw new InvalidOperationException($"No converter is known for {typeof(TPayload)}."))
            .Write(writer, Payload, options);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Header.EventType} {Header.Priority} {Header.MessageId}";
}
