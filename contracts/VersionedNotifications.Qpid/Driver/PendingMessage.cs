namespace VersionedNotifications.Qpid;

/// <summary>One message of the driver's buffer: one notification for one topic, until the peer accepts it.</summary>
internal sealed class PendingMessage(string topicAndPriority, byte[] body, string eventType, string messageId)
{
    /// <summary><c>&lt;topic&gt;.&lt;priority&gt;</c>; the address is made from it once the connection knows its addressing mode.</summary>
    public string TopicAndPriority { get; } = topicAndPriority;

    /// <summary>oslo's amqp1 body (<see cref="OsloAmqpBody"/>), UTF-8 JSON.</summary>
    public byte[] Body { get; } = body;

    public string EventType { get; } = eventType;

    public string MessageId { get; } = messageId;

    /// <summary>Send attempts that failed so far.</summary>
    public int FailedAttempts { get; set; }
}
