using System.Text;

namespace VersionedNotifications.Tool.Publishing.Markdown;

/// <summary>Plain text from the definitions made safe for Markdown, and the few constructs the pages use.</summary>
internal static class MarkdownText
{
    /// <summary>
    /// Escapes what Markdown would read as markup: emphasis (<c>*</c>, <c>_</c> at a word boundary),
    /// code, links, HTML (<c>&lt;host&gt;</c>) and table cells. Line breaks become spaces.
    /// </summary>
    public static string Escape(string text)
    {
        var result = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\\' or '*' or '`' or '[' or ']' or '<' or '>' or '|' or '#':
                    result.Append('\\').Append(c);
                    break;
                case '_' when !IsWordCharacter(text, i - 1) || !IsWordCharacter(text, i + 1):
                    result.Append("\\_");
                    break;
                case '\r' or '\n':
                    result.Append(' ');
                    break;
                default:
                    result.Append(c);
                    break;
            }
        }

        return result.ToString();
    }

    /// <summary>An inline code span that holds <paramref name="text"/> as it is, backticks included.</summary>
    public static string Code(string text)
    {
        var fence = "`";
        while (text.Contains(fence, StringComparison.Ordinal))
        {
            fence += "`";
        }

        var padding = text.StartsWith('`') || text.EndsWith('`') ? " " : string.Empty;
        return fence + padding + text + padding + fence;
    }

    /// <summary>An HTML anchor for links within the pages; ids are stable, unlike renderers' heading slugs.</summary>
    public static string Anchor(string id) => $"<a id=\"{id}\"></a>";

    public static string Link(string text, string target) => $"[{text}]({target})";

    private static bool IsWordCharacter(string text, int index) =>
        index >= 0 && index < text.Length && char.IsLetterOrDigit(text[index]);
}
