using System;
using System.Collections.Generic;
using System.Linq;

namespace VersionedNotifications.Qpid;

/// <summary>
/// What a <see cref="QpidNotificationListener"/> consumes and how, in oslo.messaging's terms: one receiver
/// link per topic and priority, on the address oslo's amqp1 driver listens on. oslo's amqp1 driver has no
/// listener pools, and neither has this one: listeners on one address share its messages.
/// </summary>
public sealed class QpidNotificationListenerOptions : QpidConnectionOptions
{
    /// <summary>Every priority oslo's notification listener can listen for.</summary>
    public static IReadOnlyList<NotificationPriority> AllPriorities { get; } = Enum.GetValues<NotificationPriority>();

    /// <summary>The topics (default <c>notifications</c>; ironic's are <c>ironic_versioned_notifications</c>).</summary>
    public IList<string> Topics { get; set; } = new List<string> { NotifierOptions.DefaultTopic };

    /// <summary>The priorities listened for on each topic (default all seven, as oslo's listener with an endpoint for each).</summary>
    public IList<NotificationPriority> Priorities { get; set; } = AllPriorities.ToList();

    /// <summary>The credit each receiver link keeps granted: messages the peer may hand over before they are settled (default 100, oslo's <c>notify_server_credit</c>).</summary>
    public int Credit { get; set; } = 100;

    /// <summary>How many handlers run at once (default 1: messages are handled in the order they arrive).</summary>
    public int MaxConcurrency { get; set; } = 1;

    /// <summary>What a message whose handler threw is settled with (default <see cref="QpidListenerFailureAction.Release"/>).</summary>
    public QpidListenerFailureAction OnFailure { get; set; } = QpidListenerFailureAction.Release;

    /// <summary>How long a failed message waits before it is released (default 1 s), so a failing handler does not spin.</summary>
    public TimeSpan RequeueDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// What happens to a message no typed handler can take (not a notification, an unknown event type, a newer
    /// major version...) when the dispatcher has no fallback: it is logged and counted by reason either way, then
    /// accepted (<see cref="UnreadableMessageAction.Acknowledge"/>, the default) or rejected with the reason
    /// (<see cref="UnreadableMessageAction.DeadLetter"/>: the peer's own dead-lettering keeps it, if it has any).
    /// </summary>
    public UnreadableMessageAction OnUnreadable { get; set; } = UnreadableMessageAction.Acknowledge;

    /// <summary>The settlements of the listener pipeline, from <see cref="OnFailure"/> and <see cref="OnUnreadable"/>.</summary>
    internal ListenerPolicy Policy => new(
        OnFailure == QpidListenerFailureAction.Reject ? SettleDecision.Reject : SettleDecision.Requeue,
        OnUnreadable == UnreadableMessageAction.DeadLetter ? SettleDecision.Reject : SettleDecision.Acknowledge,
        RequeueDelay);

    /// <summary>Event types handled (patterns, see <see cref="EventTypePattern"/>); empty handles all. Others are accepted and skipped.</summary>
    public IList<string> EventTypes { get; set; } = new List<string>();

    /// <summary>Publisher ids handled (patterns such as <c>glance-api.*</c>); empty handles all. Others are accepted and skipped.</summary>
    public IList<string> Publishers { get; set; } = new List<string>();

    /// <inheritdoc/>
    public override IReadOnlyList<string> Validate()
    {
        var errors = new List<string>(base.Validate());
        ListenerOptionsErrors.AddTopicsAndPriorities(errors, Topics, Priorities);
        if (Credit < 1)
        {
            errors.Add($"Credit: must be at least 1 (got {Credit})");
        }

        if (!Enum.IsDefined(OnFailure))
        {
            errors.Add($"OnFailure: {(int)OnFailure} is not an action; use Release or Reject");
        }

        ListenerOptionsErrors.AddHandling(errors, MaxConcurrency, OnUnreadable, RequeueDelay, EventTypes, Publishers);
        return errors;
    }
}
