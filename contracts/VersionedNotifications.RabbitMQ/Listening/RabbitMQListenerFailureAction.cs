namespace VersionedNotifications.RabbitMQ;

/// <summary>What a <see cref="RabbitMQNotificationListener"/> does with a message whose handler threw.</summary>
public enum RabbitMQListenerFailureAction
{
    /// <summary>
    /// Publish it, unchanged and with the failure in <c>x-vn-*</c> headers, to the dead-letter queue
    /// (<see cref="RabbitMQNotificationListenerOptions.DeadLetterQueue"/>, by default <c>&lt;pool or first topic&gt;.dead</c>), then
    /// acknowledge it. Works without any broker policy, and nothing is lost. The default.
    /// </summary>
    DeadLetterQueue,

    /// <summary>Return it to its queue after <see cref="NotificationListenerOptions.RequeueDelay"/>, to be delivered again.</summary>
    Requeue,

    /// <summary>Reject it without requeueing: the broker dead-letters it if the queue has a dead-letter exchange (by policy or argument), and drops it otherwise.</summary>
    Reject,
}
