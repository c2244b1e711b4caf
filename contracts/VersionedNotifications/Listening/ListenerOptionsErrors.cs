using System;
using System.Collections.Generic;
using System.Linq;

namespace VersionedNotifications;

/// <summary>The checks every transport's listener options share, each error named by its option as the options name it.</summary>
internal static class ListenerOptionsErrors
{
    /// <summary>Adds what is wrong with the topics and priorities listened to.</summary>
    public static void AddTopicsAndPriorities(List<string> errors, IList<string>? topics, IList<NotificationPriority>? priorities)
    {
        if (topics is null || topics.Count == 0)
        {
            errors.Add("Topics: at least one topic is needed");
        }
        else
        {
            for (var i = 0; i < topics.Count; i++)
            {
                if (NotifierOptions.TopicError(topics[i]) is { } error)
                {
                    errors.Add($"Topics[{i}]: {error}");
                }
            }
        }

        if (priorities is null || priorities.Count == 0)
        {
            errors.Add("Priorities: at least one priority is needed");
        }
        else if (priorities.FirstOrDefault(p => !Enum.IsDefined(p)) is var bad && !Enum.IsDefined(bad))
        {
            errors.Add($"Priorities: {(int)bad} is not a priority");
        }
    }

    /// <summary>Adds what is wrong with how messages are handled: concurrency, the unreadable action, the requeue delay and the filters.</summary>
    public static void AddHandling(List<string> errors, int maxConcurrency, UnreadableMessageAction onUnreadable, TimeSpan requeueDelay, IList<string> eventTypes, IList<string> publishers)
    {
        if (maxConcurrency < 1)
        {
            errors.Add($"MaxConcurrency: must be at least 1 (got {maxConcurrency})");
        }

        if (!Enum.IsDefined(onUnreadable))
        {
            errors.Add($"OnUnreadable: {(int)onUnreadable} is not an action; use Acknowledge or DeadLetter");
        }

        if (requeueDelay < TimeSpan.Zero)
        {
            errors.Add($"RequeueDelay: cannot be negative (got {requeueDelay})");
        }

        NotificationFilter.AddPatternErrors(errors, "EventTypes", eventTypes);
        NotificationFilter.AddPatternErrors(errors, "Publishers", publishers);
    }
}
