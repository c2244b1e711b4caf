using System;
using System.Collections.Generic;
using System.Linq;
using VersionedNotifications.Wire;

namespace VersionedNotifications.RabbitMQ;

/// <summary>
/// What a <see cref="RabbitMQNotificationListener"/> consumes and how, in oslo.messaging's terms: the topics and
/// priorities it binds (<c>&lt;topic&gt;.&lt;priority&gt;</c> on the control exchange), and the pool.
/// </summary>
public sealed class RabbitMQNotificationListenerOptions : RabbitMQConnectionOptions
{
    /// <summary>Every priority oslo's notification listener can bind.</summary>
    public static IReadOnlyList<NotificationPriority> AllPriorities { get; } = Enum.GetValues<NotificationPriority>();

    /// <summary>The topics (default <c>notifications</c>; ironic's are <c>ironic_versioned_notifications</c>).</summary>
    public IList<string> Topics { get; set; } = new List<string> { NotifierOptions.DefaultTopic };

    /// <summary>The priorities bound for each topic (default all seven, as oslo's listener with an endpoint for each).</summary>
    public IList<NotificationPriority> Priorities { get; set; } = AllPriorities.ToList();

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

    /// <summary>How many handlers run at once (default 1: messages are handled in the order they arrive).</summary>
    public int MaxConcurrency { get; set; } = 1;

    /// <summary>What happens to a message whose handler threw (default <see cref="RabbitMQListenerFailureAction.DeadLetterQueue"/>).</summary>
    public RabbitMQListenerFailureAction OnFailure { get; set; } = RabbitMQListenerFailureAction.DeadLetterQueue;

    /// <summary>The one durable dead-letter queue of the listener; by default <c>&lt;pool&gt;.dead</c>, or <c>&lt;first topic&gt;.dead</c> without a pool. The <c>x-vn-queue</c> header of each dead letter names the queue it came from.</summary>
    public string? DeadLetterQueue { get; set; }

    /// <summary>
    /// What happens to a message no typed handler can take (not a notification, an unknown event type, a newer
    /// major version...) when the dispatcher has no fallback: it is logged and counted by reason either way, then
    /// acknowledged (the default) or copied to <see cref="DeadLetterQueue"/> with the reason in <c>x-vn-error</c>.
    /// </summary>
    public UnreadableMessageAction OnUnreadable { get; set; } = UnreadableMessageAction.Acknowledge;

    /// <summary>The routing keys bound: <c>&lt;topic&gt;.&lt;priority&gt;</c> for every topic and priority.</summary>
    internal IReadOnlyList<string> RoutingKeys => Topics
        .SelectMany(topic => Priorities.Distinct().Select(priority => topic + "." + PriorityNames.ToRoutingSuffix(priority)))
        .ToArray();

    /// <summary>The dead-letter queue used: <see cref="DeadLetterQueue"/>, or <c>&lt;pool or first topic&gt;.dead</c>.</summary>
    internal string EffectiveDeadLetterQueue => DeadLetterQueue ?? (Pool ?? Topics[0]) + ".dead";

    /// <summary>The settlements of the listener pipeline, from <see cref="OnFailure"/> and <see cref="OnUnreadable"/>.</summary>
    internal ListenerPolicy Policy => new(
        OnFailure switch
        {
            RabbitMQListenerFailureAction.Requeue => SettleDecision.Requeue,
            RabbitMQListenerFailureAction.Reject => SettleDecision.Reject,
            _ => SettleDecision.DeadLetter,
        },
        OnUnreadable == UnreadableMessageAction.DeadLetter ? SettleDecision.DeadLetter : SettleDecision.Acknowledge,
        RequeueDelay);

    /// <summary>How long a failed message waits before it is requeued (default 1 s), so a failing handler does not spin.</summary>
    public TimeSpan RequeueDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Event types handled (patterns, see <see cref="EventTypePattern"/>); empty handles all. Others are acknowledged and skipped.</summary>
    public IList<string> EventTypes { get; set; } = new List<string>();

    /// <summary>Publisher ids handled (patterns such as <c>ironic-conductor.*</c>); empty handles all. Others are acknowledged and skipped.</summary>
    public IList<string> Publishers { get; set; } = new List<string>();

    /// <inheritdoc/>
    public override IReadOnlyList<string> Validate()
    {
        var errors = new List<string>(base.Validate());
        ListenerOptionsErrors.AddTopicsAndPriorities(errors, Topics, Priorities);
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

        ListenerOptionsErrors.AddHandling(errors, MaxConcurrency, OnUnreadable, RequeueDelay, EventTypes, Publishers);
        return errors;
    }
}
