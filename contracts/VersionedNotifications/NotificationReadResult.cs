using System;
using System.Text.Json;

namespace VersionedNotifications;

/// <summary>What <see cref="NotificationReader"/> made of one message. The message bytes are always kept.</summary>
public abstract class NotificationReadResult
{
    private protected NotificationReadResult(ReadOnlyMemory<byte> message, MessageFormat? format)
    {
        Message = message;
        Format = format;
    }

    /// <summary>The bytes as received.</summary>
    public ReadOnlyMemory<byte> Message { get; }

    /// <summary>The form of the message, when it was recognised.</summary>
    public MessageFormat? Format { get; }
}

/// <summary>A notification read into its typed payload.</summary>
public sealed class DecodedNotification : NotificationReadResult
{
    internal DecodedNotification(ReadOnlyMemory<byte> message, MessageFormat format, Notification notification, EventTypeInfo eventType, Wire.PayloadContract? contract)
        : base(message, format)
    {
        Notification = notification;
        EventTypeInfo = eventType;
        Contract = contract;
    }

    /// <summary>The contract that read the payload; <see langword="null"/> for a text payload.</summary>
    public Wire.PayloadContract? Contract { get; }

    /// <summary>The notification; a <see cref="Notification{TPayload}"/> of the event type's payload type.</summary>
    public Notification Notification { get; }

    /// <summary>The event type the contracts declare for it.</summary>
    public EventTypeInfo EventTypeInfo { get; }

    /// <inheritdoc/>
    public override string ToString() => "decoded " + Notification;
}

/// <summary>Why a well-formed notification was not read into a typed payload.</summary>
public enum UnsupportedReason
{
    /// <summary>No contract declares the <c>event_type</c>.</summary>
    UnknownEventType,

    /// <summary>The payload is an object or version the contracts cannot read (another major version, another object name).</summary>
    UnsupportedPayload,
}

/// <summary>A well-formed notification the contracts do not cover; the envelope is read and the payload kept as JSON.</summary>
public sealed class UnsupportedNotification : NotificationReadResult
{
    internal UnsupportedNotification(ReadOnlyMemory<byte> message, MessageFormat format, NotificationHeader header, JsonElement payload, UnsupportedReason reason, string jsonPath, string detail)
        : base(message, format)
    {
        Header = header;
        Payload = payload;
        Reason = reason;
        JsonPath = jsonPath;
        Detail = detail;
    }

    /// <summary>Where the unsupported part is: <c>$.event_type</c>, or the payload key that names the object or version.</summary>
    public string JsonPath { get; }

    /// <summary>The envelope fields.</summary>
    public NotificationHeader Header { get; }

    /// <summary>The payload as it came.</summary>
    public JsonElement Payload { get; }

    /// <summary>Why it was not read.</summary>
    public UnsupportedReason Reason { get; }

    /// <summary>Why, naming the event type, object or version.</summary>
    public string Detail { get; }

    /// <inheritdoc/>
    public override string ToString() => $"unsupported {Wire.EchoedText.Of(Header.EventType)} {Wire.EchoedText.Of(Header.MessageId)}: {JsonPath}: {Detail}";
}

/// <summary>Bytes that are not a valid notification, with where and why.</summary>
public sealed class MalformedNotification : NotificationReadResult
{
    internal MalformedNotification(ReadOnlyMemory<byte> message, MessageFormat? format, string jsonPath, string reason, string? messageId)
        : base(message, format)
    {
        JsonPath = jsonPath;
        Reason = reason;
        MessageId = messageId;
    }

    /// <summary>The JSON path of the offending value, such as <c>$['oslo.message'].payload['ironic_object.data'].power_state</c>.</summary>
    public string JsonPath { get; }

    /// <summary>What is wrong.</summary>
    public string Reason { get; }

    /// <summary>The <c>message_id</c>, when it could be read.</summary>
    public string? MessageId { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{JsonPath}: {Reason}" + (MessageId is null ? string.Empty : $" (message {Wire.EchoedText.Of(MessageId)})");
}
