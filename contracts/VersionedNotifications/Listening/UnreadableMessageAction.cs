namespace VersionedNotifications;

/// <summary>
/// What a listener does with a message it cannot hand to a typed handler (<see cref="UnreadableReason"/>) when
/// no fallback handler (<see cref="NotificationDispatcher.OnUnhandled"/>) took it. Either way the message is
/// logged (a few lines a minute at most, with the reason and message id) and counted by reason.
/// </summary>
public enum UnreadableMessageAction
{
    /// <summary>
    /// Acknowledge it: it leaves the queue. The default, because the queues oslo's listeners share carry
    /// every service's notifications, and a listener with one service's contracts would otherwise keep a copy
    /// of every other service's message.
    /// </summary>
    Acknowledge,

    /// <summary>
    /// Keep it, unchanged and with the reason, where the listener keeps messages whose handler failed
    /// (RabbitMQ: the dead-letter queue; AMQP 1.0: rejected, for the broker's dead-lettering), to read again
    /// once the contracts know it.
    /// </summary>
    DeadLetter,
}
