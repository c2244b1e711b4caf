using VersionedNotifications.Tool.Publishing.Catalog;
using VersionedNotifications.Tool.Publishing.Profiles;

namespace VersionedNotifications.Tool.Publishing.Markdown;

/// <summary>
/// The seed notes of one service, by the place they belong. A note whose place the page does not
/// have is a mistake in the services file, reported before anything is written.
/// </summary>
internal sealed class SeedNotes
{
    private readonly ILookup<string, SeedNote> _byPlace;

    public SeedNotes(ServiceContracts service, ServiceProfile profile)
    {
        Title = profile.Seed?.Title;
        var notes = profile.Seed?.Notes ?? Array.Empty<SeedNote>();
        var places = new HashSet<string>(ProfileSections.All, StringComparer.Ordinal);
        places.UnionWith(service.Families.Select(f => f.Name));
        places.UnionWith(service.Families.Select(f => f.Group));
        places.UnionWith(service.Events.Select(e => e.Name));
        places.UnionWith(service.Objects.Select(o => o.Name));
        places.UnionWith(service.Enums.Select(e => e.Name));
        var unknown = notes.Where(n => !places.Contains(n.At)).Select(n => n.At).ToList();
        if (unknown.Count > 0)
        {
            throw new UsageException($"the seed notes of '{service.WireNamespace}' point at places the definitions do not have: {string.Join(", ", unknown)} (use a section ({string.Join(", ", ProfileSections.All)}), an event type, a family, a group, an object or an enum)");
        }

        All = notes;
        _byPlace = notes.ToLookup(n => n.At, StringComparer.Ordinal);
    }

    /// <summary>The title of the service's own documentation; null when the profile names none.</summary>
    public string? Title { get; }

    public IReadOnlyList<SeedNote> All { get; }

    public IEnumerable<SeedNote> At(string place) => _byPlace[place];

    /// <summary>Writes the notes at <paramref name="place"/> as quotes, each headed by what they compare.</summary>
    public void Write(MarkdownWriter page, string place)
    {
        foreach (var note in At(place))
        {
            page.Paragraph("> **" + Title + " and the wire:** " + note.Text.Trim().Replace("\n", "\n> "));
        }
    }
}
