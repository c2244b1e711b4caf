namespace VersionedNotifications;

/// <summary>How a listener settles one delivery with its broker, as the listener pipeline decided.</summary>
internal enum SettleDecision
{
    /// <summary>Done with it: handled, filtered out, or unreadable and let go (logged and counted).</summary>
    Acknowledge,

    /// <summary>Give it back to be delivered again (RabbitMQ: nack with requeue; AMQP 1.0: released).</summary>
    Requeue,

    /// <summary>Refuse it for good, leaving it to the broker's own dead-lettering (RabbitMQ: reject; AMQP 1.0: rejected).</summary>
    Reject,

    /// <summary>Keep a copy in the listener's dead-letter queue with the reason, then acknowledge it.</summary>
    DeadLetter,
}
