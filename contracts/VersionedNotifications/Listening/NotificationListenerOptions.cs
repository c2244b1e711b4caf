using System;
using System.Collections.Generic;
using System.Linq;
using VersionedNotifications.Wire;

namespace VersionedNotifications;

/// <summary>
/// What every transport's listener options share beyond the connection: the topics and priorities listened to,
/// how many handlers run at once, the filters, and what becomes of a message no handler can take.
/// </summary>
public abstract class NotificationListenerOptions : NotificationTransportOptions
{
    /// <summary>Every priority oslo's notification listener can listen for.</summary>
    public static IReadOnlyList<NotificationPriority> AllPriorities { get; } = Enum.GetValues<NotificationPriority>();

    /// <summary>The topics (default <c>notifications</c>; ironic's are <c>ironic_versioned_notifications</c>).</summary>
    public IList<string> Topics { get; set; } = new List<string> { NotifierOptions.DefaultTopic };

    /// <summary>The priorities listened for on each topic (default all seven, as oslo's listener with an endpoint for each).</summary>
    public IList<NotificationPriority> Priorities { get; set; } = AllPriorities.ToList();

    /// <summary>How many handlers run at once (default 1: messages are handled in the order they arrive).</summary>
    public int MaxConcurrency { get; set; } = 1;

    /// <summary>How long a message whose handler threw waits before it is given back to the broker (default 1 s), so a failing handler does not spin.</summary>
    public TimeSpan RequeueDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// What happens to a message no typed handler can take (not a notification, an unknown event type, a newer major
    /// version...) when the dispatcher has no fallback: it is logged and counted by reason either way, then
    /// acknowledged (the default) or dead-lettered: RabbitMQ copies it to the listener's dead-letter queue with the
    /// reason, an AMQP 1.0 peer gets it rejected with the reason (its own dead-lettering keeps it, if it has any).
    /// </summary>
    public UnreadableMessageAction OnUnreadable { get; set; } = UnreadableMessageAction.Acknowledge;

    /// <summary>Event types handled (patterns, see <see cref="EventTypePattern"/>); empty handles all. Others are acknowledged and skipped.</summary>
    public IList<string> EventTypes { get; set; } = new List<string>();

    /// <summary>Publisher ids handled (patterns such as <c>ironic-conductor.*</c>); empty handles all. Others are acknowledged and skipped.</summary>
    public IList<string> Publishers { get; set; } = new List<string>();

    /// <summary><c>&lt;topic&gt;.&lt;priority&gt;</c> for every topic and priority: oslo's routing keys, and the names its AMQP 1.0 addresses are made of.</summary>
    internal IReadOnlyList<string> TopicsAndPriorities => Topics
        .SelectMany(topic => Priorities.Distinct().Select(priority => topic + "." + PriorityNames.ToRoutingSuffix(priority)))
        .ToArray();

    /// <summary>The filter of <see cref="EventTypes"/> and <see cref="Publishers"/>.</summary>
    internal NotificationFilter Filter => new(EventTypes, Publishers);

    /// <summary>The settlements of the listener pipeline, from the transport's failure action and <see cref="OnUnreadable"/>.</summary>
    internal abstract ListenerPolicy Policy { get; }

    /// <summary>The settlements of the listener pipeline: <paramref name="onHandlerFailure"/>, and <paramref name="deadLetter"/> for an unreadable message when <see cref="OnUnreadable"/> asks for it.</summary>
    internal ListenerPolicy PolicyWith(SettleDecision onHandlerFailure, SettleDecision deadLetter) =>
        new(onHandlerFailure, OnUnreadable == UnreadableMessageAction.DeadLetter ? deadLetter : SettleDecision.Acknowledge, RequeueDelay);

    /// <inheritdoc/>
    public override IReadOnlyList<string> Validate()
    {
        var errors = new List<string>(base.Validate());
        AddTopicsAndPriorities(errors);
        if (MaxConcurrency < 1)
        {
            errors.Add($"MaxConcurrency: must be at least 1 (got {MaxConcurrency})");
        }

        if (!Enum.IsDefined(OnUnreadable))
        {
            errors.Add($"OnUnreadable: {(int)OnUnreadable} is not an action; use Acknowledge or DeadLetter");
        }

        if (RequeueDelay < TimeSpan.Zero)
        {
            errors.Add($"RequeueDelay: cannot be negative (got {RequeueDelay})");
        }

        NotificationFilter.AddPatternErrors(errors, "EventTypes", EventTypes);
        NotificationFilter.AddPatternErrors(errors, "Publishers", Publishers);
        return errors;
    }

    private void AddTopicsAndPriorities(List<string> errors)
    {
        if (Topics is null || Topics.Count == 0)
        {
            errors.Add("Topics: at least one topic is needed");
        }
        else
        {
            for (var i = 0; i < Topics.Count; i++)
            {
                if (NotifierOptions.TopicError(Topics[i]) is { } error)
                {
                    errors.Add($"Topics[{i}]: {error}");
                }
            }
        }

        if (Priorities is null || Priorities.Count == 0)
        {
            errors.Add("Priorities: at least one priority is needed");
        }
        else if (Priorities.FirstOrDefault(p => !Enum.IsDefined(p)) is var bad && !Enum.IsDefined(bad))
        {
            errors.Add($"Priorities: {(int)bad} is not a priority");
        }
    }
}
