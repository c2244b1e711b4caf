namespace VersionedNotifications.RabbitMQ;

/// <summary>One message of the driver's buffer: one notification for one topic, until the broker confirms it.</summary>
internal sealed class PendingMessage(string routingKey, byte[] body, string eventType, string messageId)
{
    public string RoutingKey { get; } = routingKey;

    public byte[] Body { get; } = body;

    public string EventType { get; } = eventType;

    public string MessageId { get; } = messageId;

    /// <summary>Publish attempts that failed so far.</summary>
    public int FailedAttempts { get; set; }
}
