using System;
using System.Collections.Generic;

namespace VersionedNotifications;

/// <summary>
/// What a <see cref="Notifier"/> emits and how, in the terms of ironic.conf: the level threshold
/// (<c>[DEFAULT] notification_level</c>), the topics (<c>versioned_notifications_topics</c>), the
/// publisher, the event types to leave out (Glance's <c>disabled_notifications</c>) and the retry policy
/// (<c>[oslo_messaging_notifications] retry</c>).
/// </summary>
public sealed class NotifierOptions
{
    /// <summary>The topic oslo.messaging's notifier uses when none is configured.</summary>
    public const string DefaultTopic = "notifications";

    /// <summary>The lowest severity emitted; <see cref="NotificationLevel.None"/> (the default) emits nothing.</summary>
    public NotificationLevel Level { get; set; } = NotificationLevel.None;

    /// <summary>The topics every notification goes to (default <c>notifications</c>; ironic uses <c>ironic_versioned_notifications</c>).</summary>
    public IList<string> Topics { get; set; } = new List<string> { DefaultTopic };

    /// <summary>The <c>publisher_id</c> in full; when unset it is <c>&lt;Service&gt;.&lt;Host&gt;</c>.</summary>
    public string? PublisherId { get; set; }

    /// <summary>The service part of the publisher id (ironic's <c>ironic-conductor</c>); by default the process name.</summary>
    public string? Service { get; set; }

    /// <summary>The host part of the publisher id (oslo's <c>[DEFAULT] host</c>); by default the machine name.</summary>
    public string? Host { get; set; }

    /// <summary>Event types never emitted: exact names, groups (<c>image</c>) or globs (<c>baremetal.*.power_set.*</c>); see <see cref="EventTypePattern"/>.</summary>
    public IList<string> DisabledEventTypes { get; set; } = new List<string>();

    /// <summary>How often a driver that fails is tried again (default: forever, as oslo).</summary>
    public NotificationRetryPolicy Retry { get; set; } = NotificationRetryPolicy.Forever;

    /// <summary>Whether secret fields are masked before any driver sees a notification (default <see langword="true"/>).</summary>
    public bool MaskSecrets { get; set; } = true;

    /// <summary>The publisher id notifications carry: <see cref="PublisherId"/>, or <c>service.host</c>.</summary>
    public string ResolvePublisherId() =>
        PublisherId ?? $"{Service ?? AppDomain.CurrentDomain.FriendlyName}.{Host ?? Environment.MachineName}";

    /// <summary>
    /// What is wrong with these options, one message per problem naming the option (<c>Topics[1]: ...</c>);
    /// empty when they can be used.
    /// </summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!Enum.IsDefined(Level))
        {
            errors.Add($"Level: {(int)Level} is not a level; use {NotificationLevels.Choices}");
        }

        if (Topics is null || Topics.Count == 0)
        {
            errors.Add("Topics: at least one topic is needed (oslo's default is 'notifications', ironic's 'ironic_versioned_notifications')");
        }
        else
        {
            for (var i = 0; i < Topics.Count; i++)
            {
                if (TopicError(Topics[i]) is { } error)
                {
                    errors.Add($"Topics[{i}]: {error}");
                }
            }
        }

        if (PublisherId is not null && string.IsNullOrWhiteSpace(PublisherId))
        {
            errors.Add("PublisherId: cannot be empty; leave it unset to use <service>.<host>");
        }

        if (Service is not null && string.IsNullOrWhiteSpace(Service))
        {
            errors.Add("Service: cannot be empty");
        }

        if (Host is not null && string.IsNullOrWhiteSpace(Host))
        {
            errors.Add("Host: cannot be empty");
        }

        NotificationFilter.AddPatternErrors(errors, nameof(DisabledEventTypes), DisabledEventTypes);

        if (Retry is null)
        {
            errors.Add("Retry: a policy is needed (NotificationRetryPolicy.None, Times(n) or Forever)");
        }
        else if (Retry.MaxRetries < 0 || Retry.InitialDelay < TimeSpan.Zero || Retry.MaxDelay < Retry.InitialDelay)
        {
            errors.Add($"Retry: retries must not be negative and the delays must satisfy 0 <= InitialDelay <= MaxDelay (got {Retry.MaxRetries}, {Retry.InitialDelay}, {Retry.MaxDelay})");
        }

        return errors;
    }

    /// <summary>Why <paramref name="topic"/> cannot be a topic (a routing key prefix), or <see langword="null"/>.</summary>
    public static string? TopicError(string? topic)
    {
        if (string.IsNullOrWhiteSpace(topic))
        {
            return "a topic cannot be empty";
        }

        foreach (var c in topic)
        {
            if (char.IsWhiteSpace(c) || c is '*' or '#')
            {
                return $"'{topic}' has '{c}', which a topic cannot have (routing keys are <topic>.<priority>)";
            }
        }

        // AMQP routing keys are short strings of at most 255 bytes; ".critical" is the longest suffix.
        return System.Text.Encoding.UTF8.GetByteCount(topic) > 240 ? $"'{topic[..20]}...' is longer than 240 bytes" : null;
    }
}
