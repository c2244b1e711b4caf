using Amqp;

namespace VersionedNotifications.Qpid;

/// <summary>
/// Carries out the listener pipeline's verdict on a message with the AMQP 1.0 peer, on the link that delivered
/// it: acknowledge is <c>accepted</c>, requeue is <c>released</c> (RabbitMQ puts it back on its queue), reject
/// and dead-letter are <c>rejected</c> with the reason as the error (the peer's own dead-lettering keeps it, if it
/// has any: AMQP 1.0 has no dead-letter queue of the listener's). Then counts it. Runs on the connection's <see cref="SerialWork"/>.
/// </summary>
internal sealed partial class QpidDeliverySettler(ListenerPipeline pipeline, ILogger logger)
{
    /// <summary>Settles <paramref name="delivery"/> as <paramref name="verdict"/> says; <paramref name="current"/> is whether its connection is still the open one.</summary>
    public void Settle(NotificationReceiver receiver, Message delivery, ListenerVerdict verdict, bool current)
    {
        var settlement = verdict.Decision switch
        {
            SettleDecision.Acknowledge => Settlement.Accept,
            SettleDecision.Requeue => Settlement.Release,
            _ => Settlement.Reject,
        };
        if (!current || !receiver.Settle(delivery, settlement, settlement == Settlement.Reject ? verdict.Reason : null))
        {
            LogStaleDelivery(logger, receiver.Address);
            return;
        }

        pipeline.Settled(verdict.Decision == SettleDecision.DeadLetter ? verdict with { Decision = SettleDecision.Reject } : verdict);
    }

    [LoggerMessage(5, LogLevel.Debug, "A message from {Address} came on a connection that has dropped; the peer will deliver it again")]
    private static partial void LogStaleDelivery(ILogger logger, string address);
}
