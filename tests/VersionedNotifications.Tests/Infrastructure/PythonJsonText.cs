using System.Text;

namespace VersionedNotifications.Tests.Infrastructure;

/// <summary>What Python's <c>json.dumps</c> writes, spelled out independently of the writer under test.</summary>
internal static class PythonJsonText
{
    /// <summary>A string's content as <c>json.dumps</c> escapes it (<c>ensure_ascii</c>), one UTF-16 code unit at a time.</summary>
    public static string Escaped(string text) => string.Concat(text.Select(c => c switch
    {
        '"' => "\\\"",
        '\\' => "\\\\",
        '\n' => "\\n",
        '\r' => "\\r",
        '\t' => "\\t",
        '\b' => "\\b",
        '\f' => "\\f",
        >= ' ' and <= '~' => c.ToString(),
        _ => $"\\u{(int)c:x4}",
    }));

    /// <summary>Compact JSON with the separators <c>json.dumps</c> writes (<c>", "</c> and <c>": "</c>) outside strings.</summary>
    public static string Spaced(string json)
    {
        var builder = new StringBuilder();
        var inString = false;
        for (var i = 0; i < json.Length; i++)
        {
            var c = json[i];
            builder.Append(c);
            if (inString)
            {
                if (c == '\\')
                {
                    builder.Append(json[++i]);
                }
                else if (c == '"')
                {
                    inString = false;
                }
            }
            else if (c == '"')
            {
                inString = true;
            }
            else if (c is ',' or ':')
            {
                builder.Append(' ');
            }
        }

        return builder.ToString();
    }
}
