namespace VersionedNotifications.Tool.Publishing.Profiles;

/// <summary>
/// How one service sends its notifications, which the definitions cannot say: its bus layout, its
/// configuration, its publishers, and where its own documentation disagrees with the wire.
/// </summary>
/// <param name="WireNamespace">The wire namespace of the definitions it describes.</param>
/// <param name="Title">The service's name for readers (<c>Ironic</c>).</param>
/// <param name="Version">The release the definitions follow; the AsyncAPI <c>info.version</c>.</param>
/// <param name="Introduction">Markdown: what the notifications are for.</param>
/// <param name="Configuration">Markdown: how to turn notifications on, and the level option.</param>
/// <param name="Exchange">The control exchange (a topic exchange) the notifications are published to.</param>
/// <param name="Topics">The topics; each priority goes to <c>&lt;topic&gt;.&lt;priority&gt;</c>.</param>
/// <param name="TopicsOption">Markdown: the option that sets the topics.</param>
/// <param name="Publishers">Who sends which event types; empty when not known.</param>
/// <param name="Seed">The service's own notification documentation, and where it disagrees with the wire.</param>
internal sealed record ServiceProfile(
    string WireNamespace,
    string Title,
    string Version,
    string? Introduction,
    string? Configuration,
    string Exchange,
    IReadOnlyList<string> Topics,
    string? TopicsOption,
    IReadOnlyList<PublisherProfile> Publishers,
    SeedDocumentation? Seed)
{
    /// <summary>oslo.messaging's defaults: the <c>openstack</c> exchange and the <c>notifications</c> topic.</summary>
    public static ServiceProfile Default(string wireNamespace) => new(
        wireNamespace, wireNamespace, "1.0.0", null, null, "openstack", new[] { "notifications" }, null, Array.Empty<PublisherProfile>(), null);

    /// <summary>The publisher of <paramref name="eventType"/>: the one whose longest event prefix matches it.</summary>
    public PublisherProfile? PublisherOf(string eventType) => Publishers
        .SelectMany(p => p.Events.Select(prefix => (Publisher: p, Prefix: prefix)))
        .Where(x => eventType == x.Prefix || eventType.StartsWith(x.Prefix + ".", StringComparison.Ordinal))
        .OrderByDescending(x => x.Prefix.Length)
        .Select(x => x.Publisher)
        .FirstOrDefault();

    /// <summary>The publisher id shown in examples of <paramref name="eventType"/>.</summary>
    public string ExamplePublisherId(string eventType) => PublisherOf(eventType)?.ExampleId ?? WireNamespace + ".localhost";
}

/// <summary>One service that sends notifications (<c>ironic-api</c>), and the event types it sends, by prefix.</summary>
internal sealed record PublisherProfile(string Name, string ExampleId, string? Description, IReadOnlyList<string> Events);

/// <summary>The service's own notification documentation, and the places where the wire differs from it.</summary>
internal sealed record SeedDocumentation(string Title, IReadOnlyList<SeedNote> Notes);

/// <summary>
/// One difference between the service's documentation and the wire, shown where it occurs:
/// <paramref name="At"/> names an event type, a family, an object, or a section
/// (<see cref="ProfileSections"/>).
/// </summary>
internal sealed record SeedNote(string At, string Text);

/// <summary>The sections of a service page that a seed note may point at.</summary>
internal static class ProfileSections
{
    public const string Message = "message";
    public const string Priorities = "priorities";
    public const string Configuration = "configuration";
    public const string Bus = "bus";
    public const string Versions = "versions";

    public static readonly IReadOnlyList<string> All = new[] { Message, Priorities, Configuration, Bus, Versions };
}
