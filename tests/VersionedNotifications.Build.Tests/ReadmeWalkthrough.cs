using System.Text.RegularExpressions;

namespace VersionedNotifications.Build.Tests;

/// <summary>
/// The steps of the README's package walkthrough, as a newcomer copies them: each fenced block after a
/// <c>&lt;!-- walkthrough file: PATH --&gt;</c> line is a file to write, each after <c>&lt;!-- walkthrough run --&gt;</c>
/// holds commands to run, one a line, in the order the README gives them.
/// </summary>
internal static partial class ReadmeWalkthrough
{
    /// <summary>One step: a file to write (<see cref="Path"/> set) or commands to run (<see cref="Path"/> null).</summary>
    public sealed record Step(string? Path, string Text);

    public static IReadOnlyList<Step> Read(string readme)
    {
        var steps = new List<Step>();
        foreach (Match match in MarkedBlock().Matches(readme.ReplaceLineEndings("\n")))
        {
            var path = match.Groups["path"].Success ? match.Groups["path"].Value : null;
            steps.Add(new Step(path, match.Groups["text"].Value));
        }

        return steps;
    }

    [GeneratedRegex(@"^<!-- walkthrough (?:file: (?<path>\S+)|run) -->\n```[a-z]*\n(?<text>.*?)^```$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex MarkedBlock();
}
