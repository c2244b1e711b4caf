using System;
using System.Collections.Generic;
using VersionedNotifications.Wire;

namespace VersionedNotifications;

/// <summary>
/// The event types and publishers a listener hands to its handlers, whatever the bus: patterns (see
/// <see cref="EventTypePattern"/>), an empty list letting everything through. A malformed message always
/// passes: only the dispatcher's fallback can decide about it.
/// </summary>
public sealed class NotificationFilter
{
    private readonly IReadOnlyList<EventTypePattern> _eventTypes;
    private readonly IReadOnlyList<EventTypePattern> _publishers;

    /// <summary>A filter of <paramref name="eventTypes"/> and <paramref name="publishers"/> (publisher ids such as <c>ironic-conductor.*</c>).</summary>
    /// <exception cref="ArgumentException">A pattern does not parse (<see cref="AddPatternErrors"/> says which, for options validation).</exception>
    public NotificationFilter(IEnumerable<string> eventTypes, IEnumerable<string> publishers)
    {
        _eventTypes = EventTypePattern.ParseAll(eventTypes);
        _publishers = EventTypePattern.ParseAll(publishers);
    }

    /// <summary>Whether the handlers get <paramref name="result"/>; a listener settles the others as handled, unread.</summary>
    public bool Handles(NotificationReadResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var header = result switch
        {
            DecodedNotification decoded => decoded.Notification.Header,
            UnsupportedNotification unsupported => unsupported.Header,
            _ => null,
        };
        if (header is null)
        {
            return true;
        }

        return (_eventTypes.Count == 0 || EventTypePattern.MatchesAny(_eventTypes, header.EventType))
            && (_publishers.Count == 0 || EventTypePattern.MatchesAny(_publishers, header.PublisherId));
    }

    /// <summary>Adds <c>name[i]: why</c> to <paramref name="errors"/> for every pattern of <paramref name="patterns"/> that does not parse.</summary>
    public static void AddPatternErrors(ICollection<string> errors, string name, IList<string>? patterns)
    {
        ArgumentNullException.ThrowIfNull(errors);
        for (var i = 0; patterns is not null && i < patterns.Count; i++)
        {
            if (!EventTypePattern.TryParse(patterns[i], out _, out var error))
            {
                errors.Add($"{name}[{i}]: {error}");
            }
        }
    }

    /// <summary>How a listener names a message in its logs: event type and message id, or where it is malformed.</summary>
    public static string Identify(NotificationReadResult? result) => result switch
    {
        null => "a message that could not be read",
        DecodedNotification decoded => $"{decoded.Notification.EventType} {EchoedText.Of(decoded.Notification.Header.MessageId)}",
        UnsupportedNotification unsupported => $"{EchoedText.Of(unsupported.Header.EventType)} {EchoedText.Of(unsupported.Header.MessageId)}",
        MalformedNotification malformed => $"a malformed message ({malformed.JsonPath}: {malformed.Reason})",
        _ => result.ToString() ?? "a message",
    };
}
