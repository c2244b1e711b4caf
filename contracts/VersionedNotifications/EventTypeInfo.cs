using System;
using System.Collections.Generic;

namespace VersionedNotifications;

/// <summary>
/// One event type as the definitions declare it: its wire name, priority and payload.
/// </summary>
/// <remarks>
/// Generated <c>EventTypes</c> classes hold one <see cref="EventType{TPayload}"/> per event type and
/// find them by name (aliases included) through their <c>TryGet</c> method.
/// An event type converts to its wire name, so <c>EventTypes.Baremetal.Node.PowerSet.Start == "baremetal.node.power_set.start"</c> holds.
/// </remarks>
public abstract class EventTypeInfo
{
    private protected EventTypeInfo(
        string name,
        NotificationPriority priority,
        string payloadName,
        IReadOnlyList<string> aliases,
        IReadOnlyList<NotificationPriority> textPriorities,
        string? description)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(payloadName);
        ArgumentNullException.ThrowIfNull(aliases);
        ArgumentNullException.ThrowIfNull(textPriorities);
        Name = name;
        Priority = priority;
        PayloadName = payloadName;
        Aliases = aliases;
        TextPriorities = textPriorities;
        Description = description;
    }

    /// <summary>The <see cref="PayloadName"/> of event types whose payload is a plain text message.</summary>
    public const string TextPayloadName = "text";

    /// <summary>The <c>event_type</c> on the wire, for example <c>baremetal.node.power_set.start</c>.</summary>
    public string Name { get; }

    /// <summary>The priority this event type is emitted at with its typed payload.</summary>
    public NotificationPriority Priority { get; }

    /// <summary>The CLR type of the payload (<see cref="string"/> for text payloads).</summary>
    public abstract Type PayloadType { get; }

    /// <summary>The object name of the payload, or <c>text</c> for a plain text message.</summary>
    public string PayloadName { get; }

    /// <summary>Other names that mean this event type, such as a documented spelling that differs from the wire.</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <summary>Priorities at which this event type carries a plain text message instead of its payload (Glance's WARN and ERROR).</summary>
    public IReadOnlyList<NotificationPriority> TextPriorities { get; }

    /// <summary>What the event means, from the definitions.</summary>
    public string? Description { get; }

    /// <summary>The wire name of <paramref name="eventType"/>.</summary>
    public static implicit operator string(EventTypeInfo eventType)
    {
        ArgumentNullException.ThrowIfNull(eventType);
        return eventType.Name;
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}

/// <summary>An event type whose payload is <typeparamref name="TPayload"/>.</summary>
/// <typeparam name="TPayload">The generated payload record, or <see cref="string"/> for text payloads.</typeparam>
public sealed class EventType<TPayload> : EventTypeInfo
    where TPayload : class
{
    /// <summary>Creates an event type; generated code calls this once per event type.</summary>
    /// <param name="name">The wire <c>event_type</c>.</param>
    /// <param name="priority">The priority of the typed payload.</param>
    /// <param name="payloadName">The payload object name, or <c>text</c>.</param>
    /// <param name="aliases">Other names of the same event type.</param>
    /// <param name="textPriorities">Priorities at which the payload is a plain text message.</param>
    /// <param name="description">What the event means.</param>
    public EventType(
        string name,
        NotificationPriority priority,
        string payloadName,
        IReadOnlyList<string> aliases,
        IReadOnlyList<NotificationPriority> textPriorities,
        string? description)
        : base(name, priority, payloadName, aliases, textPriorities, description)
    {
    }

    /// <inheritdoc/>
    public override Type PayloadType => typeof(TPayload);
}
