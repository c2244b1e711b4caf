using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace VersionedNotifications.Tool.Tests.Infrastructure;

/// <summary>Reads the generated Markdown pages as a reader sees them: their example messages and their text.</summary>
internal static partial class MarkdownPages
{
    public sealed record Example(string Page, string EventType, JsonObject Message);

    /// <summary>Every "Example of `event`:" block of the pages in <paramref name="folder"/>.</summary>
    public static IReadOnlyList<Example> Examples(string folder) =>
        Directory.GetFiles(folder, "*.md").Order(StringComparer.Ordinal).SelectMany(page =>
            ExampleBlock().Matches(File.ReadAllText(page).Replace("\r\n", "\n"))
                .Select(m => new Example(Path.GetFileName(page), m.Groups["event"].Value, JsonNode.Parse(m.Groups["json"].Value)!.AsObject())))
            .ToList();

    /// <summary>The page's text with Markdown's backslash escapes and line breaks undone, so that plain text can be searched in it.</summary>
    public static string PlainText(string page) =>
        Whitespace().Replace(BackslashEscape().Replace(File.ReadAllText(page), "$1"), " ");

    [GeneratedRegex("Example of `(?<event>[^`]+)`:\n\n```json\n(?<json>.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex ExampleBlock();

    [GeneratedRegex(@"\\([\\`*_\[\]<>|#])")]
    private static partial Regex BackslashEscape();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
