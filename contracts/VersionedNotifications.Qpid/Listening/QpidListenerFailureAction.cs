namespace VersionedNotifications.Qpid;

/// <summary>What a <see cref="QpidNotificationListener"/> settles a message with when its handler threw.</summary>
public enum QpidListenerFailureAction
{
    /// <summary>
    /// <c>released</c>, after <see cref="NotificationListenerOptions.RequeueDelay"/>: the peer delivers it
    /// again (RabbitMQ puts it back on its queue). Nothing is lost; a handler that always fails sees it again
    /// and again. The default.
    /// </summary>
    Release,

    /// <summary><c>rejected</c>, with the error as the condition: the peer does not deliver it again (RabbitMQ dead-letters it if the queue has a dead-letter exchange, and drops it otherwise).</summary>
    Reject,
}
