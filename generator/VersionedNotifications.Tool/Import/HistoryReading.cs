using System.Text.RegularExpressions;

namespace VersionedNotifications.Tool.Import;

/// <summary>
/// What the <c>#&#160;Version x.y: text</c> comments of a class say, read literally: the version that adds a field
/// the text names, the base version a "Parent X version a.b" line names, and the lines that change a field.
/// Nothing is guessed: a field no line names is placed at the first version only when every later line is accounted
/// for (it names the fields it adds, or the base it follows).
/// </summary>
internal static partial class HistoryReading
{
    [GeneratedRegex(@"\b(add|adds|added|adding|introduce|introduces|introduced)\b(?!\s+nullable)", RegexOptions.IgnoreCase)]
    private static partial Regex AddVerb();

    [GeneratedRegex(@"\bparent\s+(?<base>\w+)\s+version\s+(?<version>\d+\.\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex ParentVersion();

    /// <summary>Whether <paramref name="text"/> names the field: as written, or with its underscores as spaces.</summary>
    public static bool Names(string text, string field) =>
        Regex.IsMatch(text, @"(?<![\w])" + Regex.Escape(field) + @"(?![\w])") ||
        (field.Contains('_') && Regex.IsMatch(text, @"(?<![\w])" + Regex.Escape(field.Replace('_', ' ')) + @"(?![\w])", RegexOptions.IgnoreCase));

    /// <summary>The version of the first line after the first that adds <paramref name="field"/> by name; null when none does.</summary>
    public static string? AddedIn(IReadOnlyList<PythonHistoryLine> history, string field) =>
        history.Skip(1).FirstOrDefault(line => AddVerb().IsMatch(line.Text) && Names(line.Text, field))?.Version;

    [GeneratedRegex(@"\b(remove|removes|removed|removing|drop|drops|dropped)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RemoveVerb();

    /// <summary>
    /// The lines after the first that name none of the fields, no base (a derived class's line follows its base:
    /// "Added key_name field to InstancePayload") and remove nothing: versions whose added fields are not said.
    /// </summary>
    public static IReadOnlyList<PythonHistoryLine> Unexplained(IReadOnlyList<PythonHistoryLine> history, IEnumerable<string> fields, IReadOnlyList<string> bases) =>
        history.Skip(1)
            .Where(line => !fields.Any(f => Names(line.Text, f)) && !bases.Any(b => line.Text.Contains(b, StringComparison.Ordinal)) && !RemoveVerb().IsMatch(line.Text))
            .ToList();

    /// <summary>The lines after the first that remove something: the code no longer declares what they removed.</summary>
    public static IEnumerable<PythonHistoryLine> Removals(IReadOnlyList<PythonHistoryLine> history) =>
        history.Skip(1).Where(line => RemoveVerb().IsMatch(line.Text));

    /// <summary>The lines that name a field without adding it: a change that may need a history exception.</summary>
    public static IEnumerable<(PythonHistoryLine Line, string Field)> Changes(IReadOnlyList<PythonHistoryLine> history, IEnumerable<string> fields) =>
        from line in history.Skip(1)
        where !AddVerb().IsMatch(line.Text)
        from field in fields
        where Names(line.Text, field)
        select (line, field);

    /// <summary>
    /// The <c>base_versions</c> that "Parent X version a.b" lines say, when they say it from the object's first
    /// version on; otherwise none, and <paramref name="gap"/> says what is missing.
    /// </summary>
    public static IReadOnlyList<VersionStep> BaseVersions(IReadOnlyList<PythonHistoryLine> history, string baseName, out string? gap)
    {
        gap = null;
        var steps = new List<VersionStep>();
        foreach (var line in history)
        {
            var match = ParentVersion().Match(line.Text);
            if (match.Success && match.Groups["base"].Value == baseName && (steps.Count == 0 || steps[^1].To != match.Groups["version"].Value))
            {
                steps.Add(new VersionStep(line.Version, match.Groups["version"].Value));
            }
        }

        if (steps.Count == 0)
        {
            return steps;
        }

        if (steps[0].From != history[0].Version)
        {
            gap = $"the history names the {baseName} version from {steps[0].From} on, not for {history[0].Version}; add base_versions by hand";
            return [];
        }

        return steps;
    }
}
