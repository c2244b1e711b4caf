namespace VersionedNotifications.Generator.Model;

/// <summary>
/// One concrete event type (a family such as <c>baremetal.node.power_set</c> is expanded into one
/// entry per status), as written in a definitions file.
/// </summary>
/// <param name="Name">The wire <c>event_type</c>.</param>
/// <param name="Location">Where the event type (or its family) is written.</param>
/// <param name="Family">The family the event belongs to, or null for a plain event type.</param>
/// <param name="Priority">The priority of the typed payload.</param>
/// <param name="Payload">The payload object name, or <c>text</c>.</param>
/// <param name="PayloadLocation">Where the payload is named.</param>
/// <param name="Aliases">Other names of the event type.</param>
/// <param name="TextPriorities">Priorities at which the payload is a plain text message instead.</param>
/// <param name="Description">What the event means.</param>
internal sealed record EventDefinition(
    string Name,
    LocationInfo Location,
    string? Family,
    Priority Priority,
    string Payload,
    LocationInfo PayloadLocation,
    EquatableArray<string> Aliases,
    EquatableArray<Priority> TextPriorities,
    string? Description)
{
    /// <summary>The payload keyword for a plain text message.</summary>
    public const string TextPayload = "text";
}
