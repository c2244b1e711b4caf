namespace VersionedNotifications.Tool.Import;

/// <summary>
/// The event types the code declares with constants, <c>EventType(object, action, phase)</c>, as event types and
/// families of the definitions; the calls that compute their names at run time are reported for a person to add.
/// </summary>
internal static class EventTypeGrouping
{
    private static readonly string[] Statuses = ["start", "end", "error", "success", "progress"];

    public static IReadOnlyList<ImportedEventType> Group(Introspection introspection, List<string> findings)
    {
        var result = new List<ImportedEventType>();
        foreach (var call in introspection.UnresolvedEventTypes)
        {
            findings.Add($"an event type is built at run time at {call.File}:{call.Line} ({OneLine(call.Text)}): add the event types it sends by hand");
        }

        foreach (var group in introspection.EventTypes.GroupBy(e => (Name: e.Object + "." + e.Action, e.Payload)).OrderBy(g => g.Key.Name, StringComparer.Ordinal))
        {
            var payload = group.Key.Payload is { } name
                ? new Choice(name)
                : Choice.Undetermined("the notification class this event type is sent with is not known here; name its payload object");
            var places = group.Select(e => $"{e.File}:{e.Line}").Distinct().ToList();
            var calls = group.ToList();
            if (calls.Any(c => !c.PhaseKnown))
            {
                findings.Add($"{group.Key.Name}: the phase is computed at run time at {string.Join(", ", calls.Where(c => !c.PhaseKnown).Select(c => $"{c.File}:{c.Line}").Distinct())}; list the statuses it sends");
                result.Add(new ImportedEventType(group.Key.Name, payload, [], null, StatusesKnown: false, places));
                continue;
            }

            var plain = calls.Where(c => c.Phase is null).ToList();
            if (plain.Count > 0)
            {
                result.Add(new ImportedEventType(group.Key.Name, payload, null, Priority(plain.Select(c => c.Priority)), StatusesKnown: true, places));
            }

            var phased = calls.Where(c => c.Phase is not null).GroupBy(c => c.Phase!).ToList();
            var family = phased.Where(p => Statuses.Contains(p.Key)).Select(p => (p.Key, Priority(p.Select(c => c.Priority)))).ToList();
            if (family.Count > 0)
            {
                result.Add(new ImportedEventType(group.Key.Name, payload, family, null, StatusesKnown: true, places));
            }

            foreach (var other in phased.Where(p => !Statuses.Contains(p.Key)))
            {
                result.Add(new ImportedEventType(group.Key.Name + "." + other.Key, payload, null, Priority(other.Select(c => c.Priority)), StatusesKnown: true, places));
            }
        }

        // A family and a plain event type of the same name would clash, as would a status sent with two payloads.
        foreach (var clash in result.GroupBy(e => e.Name).Where(g => g.Count() > 1))
        {
            findings.Add($"{clash.Key} is sent with more than one payload ({string.Join(", ", clash.Select(e => e.Payload.Value ?? "unknown"))}); the definitions need one event type per name, so split them by hand");
        }

        return result;
    }

    /// <summary>The one priority all calls pass, in the definitions' spelling; null when they pass none or differ.</summary>
    private static string? Priority(IEnumerable<string?> priorities)
    {
        var distinct = priorities.Distinct().ToList();
        return distinct is [{ } only] ? only.ToLowerInvariant() : null;
    }

    private static string OneLine(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
