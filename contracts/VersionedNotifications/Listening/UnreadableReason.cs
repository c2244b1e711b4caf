namespace VersionedNotifications;

/// <summary>Why a listener could not hand a message to a typed handler; the statistics count each reason.</summary>
public enum UnreadableReason
{
    /// <summary>Larger than <see cref="NotificationReaderOptions.MaxMessageBytes"/>.</summary>
    TooLarge,

    /// <summary>The bytes are not valid UTF-8.</summary>
    NotUtf8,

    /// <summary>The bytes are not JSON.</summary>
    NotJson,

    /// <summary>JSON, but not an oslo notification: no envelope (or no <c>oslo.message</c> inside a v2 body) whose <c>message_id</c> could be read.</summary>
    NotAnEnvelope,

    /// <summary>An envelope whose values have the wrong types or break the payload's contract.</summary>
    WrongValues,

    /// <summary>No contract declares the <c>event_type</c>.</summary>
    UnknownEventType,

    /// <summary>The contracts know the event type but not the payload's object or version (a newer major version, another object).</summary>
    UnsupportedPayload,
}
