namespace VersionedNotifications;

/// <summary>The forms a notification takes on the wire.</summary>
public enum MessageFormat
{
    /// <summary>oslo.messaging's v2 body: <c>{"oslo.version": "2.0", "oslo.message": "&lt;the envelope as a JSON string&gt;"}</c>, what the messagingv2 driver sends.</summary>
    MessagingV2,

    /// <summary>The bare envelope (<c>message_id</c>, <c>publisher_id</c>, <c>event_type</c>, <c>priority</c>, <c>payload</c>, <c>timestamp</c>), what the v1 messaging and log drivers send.</summary>
    MessagingV1,
}
