using VersionedNotifications.Generator.Model;

namespace VersionedNotifications.Tool.Publishing.Catalog;

/// <summary>One event type with its payload object resolved (null for a text payload).</summary>
internal sealed record EventContract(EventDefinition Definition, string WireNamespace, ObjectContract? Payload)
{
    public string Name => Definition.Name;

    /// <summary>The family the event type belongs to, or its own name for a plain event type.</summary>
    public string FamilyName => Definition.Family ?? Definition.Name;

    /// <summary>For a family member, its status (the last segment); null for a plain event type.</summary>
    public string? Status => Definition.Family is null ? null : Definition.Name.Substring(Definition.Family.Length + 1);

    /// <summary>Whether the payload is a text message at every priority.</summary>
    public bool IsText => Payload is null;

    /// <summary>The priorities at which a message of this event type is sent: its own, then its text priorities.</summary>
    public IEnumerable<Priority> Priorities => new[] { Definition.Priority }.Concat(Definition.TextPriorities).Distinct();
}

/// <summary>The event types declared together: a family (<c>baremetal.node.power_set</c> and its statuses), or one plain event type.</summary>
internal sealed record EventFamily(string Name, bool IsFamily, IReadOnlyList<EventContract> Events)
{
    /// <summary>The payload object every member shares (null for text).</summary>
    public ObjectContract? Payload => Events[0].Payload;

    public string? Description => Events[0].Definition.Description;

    /// <summary>The other names of the family (aliases without their status suffix).</summary>
    public IReadOnlyList<string> Aliases => IsFamily
        ? Events[0].Definition.Aliases.Select(a => a.Substring(0, a.Length - Events[0].Status!.Length - 1)).ToList()
        : Events[0].Definition.Aliases.ToList();

    /// <summary>The part of the name before its last segment (<c>baremetal.node</c> for <c>baremetal.node.power_set</c>).</summary>
    public string Group => Name.LastIndexOf('.') is var dot && dot > 0 ? Name.Substring(0, dot) : Name;

    /// <summary>The event type the docs show an example of: the first in status order.</summary>
    public EventContract ExampleEvent => Events[0];

    /// <summary>The order statuses happen in: start, end, success, error.</summary>
    public static int StatusOrder(string? status) => status switch
    {
        null or "start" => 0,
        "end" => 1,
        "success" => 2,
        _ => 3,
    };
}
