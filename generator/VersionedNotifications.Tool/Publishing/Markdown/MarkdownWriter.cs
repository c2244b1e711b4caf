using System.Text;

namespace VersionedNotifications.Tool.Publishing.Markdown;

/// <summary>Builds a Markdown page line by line, with <c>\n</c> line ends and one blank line between blocks.</summary>
internal sealed class MarkdownWriter
{
    private readonly StringBuilder _text = new();

    public MarkdownWriter Line(string line = "")
    {
        _text.Append(line.TrimEnd()).Append('\n');
        return this;
    }

    /// <summary>A block of text followed by a blank line (nothing for empty text).</summary>
    public MarkdownWriter Paragraph(string? text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            foreach (var line in text.Trim().Replace("\r\n", "\n").Split('\n'))
            {
                Line(line);
            }

            Line();
        }

        return this;
    }

    public MarkdownWriter Heading(int level, string text, string? anchor = null)
    {
        if (anchor is not null)
        {
            Line(MarkdownText.Anchor(anchor));
        }

        return Line(new string('#', level) + " " + text).Line();
    }

    public MarkdownWriter Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        Line("| " + string.Join(" | ", header) + " |");
        Line("|" + string.Concat(header.Select(_ => "---|")));
        foreach (var row in rows)
        {
            Line("| " + string.Join(" | ", row) + " |");
        }

        return Line();
    }

    public MarkdownWriter CodeBlock(string language, string code)
    {
        Line("```" + language);
        foreach (var line in code.TrimEnd().Split('\n'))
        {
            Line(line);
        }

        return Line("```").Line();
    }

    public override string ToString() => _text.ToString().TrimEnd('\n') + "\n";
}
