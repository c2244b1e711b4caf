namespace VersionedNotifications.RabbitMQ;

/// <summary>
/// What a <see cref="RabbitMQNotificationListener"/> consumes and how, in oslo.messaging's terms: the topics and
/// priorities it binds (<c>&lt;topic&gt;.&lt;priority&gt;</c> on the control exchange), and the pool.
/// </summary>
public sealed class RabbitMQNotificationListenerOptions : NotificationListenerOptions, IRabbitMQConnectionOptions
{
    /// <inheritdoc/>
    public RabbitMQBrokerOptions Broker { get; set; } = new();

    /// <summary>
    /// oslo's listener pool: one queue of this name bound to every <c>&lt;topic&gt;.&lt;priority&gt;</c>, shared by the
    /// listeners of the pool. <see langword="null"/> (the default) consumes oslo's own queues named
    /// <c>&lt;topic&gt;.&lt;priority&gt;</c>, sharing their messages with every other consumer of them.
    /// </summary>
    public string? Pool { get; set; }

    /// <summary>
    /// Consume from a queue of this listener's own, named by the broker and deleted when it stops: it sees
    /// every notification sent while it listens and takes none from other consumers (<c>vnotify listen</c>'s default).
    /// </summary>
    public bool PrivateQueue { get; set; }

    /// <summary>How many unacknowledged messages the broker hands over at once (default 20).</summary>
    public ushort Prefetch { get; set; } = 20;

    /// <summary>What happens to a message whose handler threw (default <see cref="RabbitMQListenerFailureAction.DeadLetterQueue"/>).</summary>
    public RabbitMQListenerFailureAction OnFailure { get; set; } = RabbitMQListenerFailureAction.DeadLetterQueue;

    /// <summary>The one durable dead-letter queue of the listener; by default <c>&lt;pool&gt;.dead</c>, or <c>&lt;first topic&gt;.dead</c> without a pool. The <c>x-vn-queue</c> header of each dead letter names the queue it came from.</summary>
    public string? DeadLetterQueue { get; set; }

    /// <summary>The dead-letter queue used: <see cref="DeadLetterQueue"/>, or <c>&lt;pool or first topic&gt;.dead</c>.</summary>
    internal string EffectiveDeadLetterQueue => DeadLetterQueue ?? (Pool ?? Topics[0]) + ".dead";

    /// <summary>The settlements of the listener pipeline, from <see cref="OnFailure"/> and <see cref="NotificationListenerOptions.OnUnreadable"/>.</summary>
    internal override ListenerPolicy Policy => PolicyWith(
        OnFailure switch
        {
            RabbitMQListenerFailureAction.Requeue => SettleDecision.Requeue,
            RabbitMQListenerFailureAction.Reject => SettleDecision.Reject,
            _ => SettleDecision.DeadLetter,
        },
        SettleDecision.DeadLetter);

    /// <inheritdoc/>
    public override IReadOnlyList<string> Validate()
    {
        var errors = new List<string>(base.Validate());
        if (Pool is not null && (string.IsNullOrWhiteSpace(Pool) || Pool.StartsWith("amq.", StringComparison.Ordinal)))
        {
            errors.Add($"Pool: '{Pool}' cannot name a queue (empty, or the reserved prefix 'amq.')");
        }

        if (Pool is not null && PrivateQueue)
        {
            errors.Add("Pool and PrivateQueue: choose one; a pool is shared, a private queue is not");
        }

        if (Prefetch == 0)
        {
            errors.Add("Prefetch: must be at least 1 (0 would let the broker send everything at once)");
        }

        if (!Enum.IsDefined(OnFailure))
        {
            errors.Add($"OnFailure: {(int)OnFailure} is not an action; use DeadLetterQueue, Requeue or Reject");
        }

        if (DeadLetterQueue is not null && (string.IsNullOrWhiteSpace(DeadLetterQueue) || DeadLetterQueue.StartsWith("amq.", StringComparison.Ordinal)))
        {
            errors.Add($"DeadLetterQueue: '{DeadLetterQueue}' cannot name a queue");
        }

        return errors;
    }

    private protected override string DefaultTransportUrl => "rabbit://";

    private protected override void AddTransportErrors(List<string> errors) => Broker.AddErrors(TransportUrl, errors);
}
