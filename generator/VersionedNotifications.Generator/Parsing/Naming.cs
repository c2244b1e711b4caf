using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace VersionedNotifications.Generator.Parsing;

/// <summary>How wire names become C# names.</summary>
internal static class Naming
{
    /// <summary>
    /// PascalCase of a wire name: words split at anything that is not a letter or digit, each
    /// word's first letter raised, the rest kept (<c>power_set</c> → <c>PowerSet</c>,
    /// <c>power on</c> → <c>PowerOn</c>, <c>NodePayload</c> stays). A letter or digit outside the
    /// Basic Multilingual Plane (a surrogate pair, such as <c>𝒜</c>) is kept whole, never dropped:
    /// whether C# takes it in a name is for <see cref="IsValidIdentifier"/> to say.
    /// </summary>
    public static string ToPascalCase(string name)
    {
        var builder = new StringBuilder(name.Length);
        var startOfWord = true;
        for (var i = 0; i < name.Length; i++)
        {
            var length = char.IsSurrogatePair(name, i) ? 2 : 1;
            if (!char.IsLetterOrDigit(name, i))
            {
                startOfWord = true;
                i += length - 1;
                continue;
            }

            var letter = name.Substring(i, length);
            builder.Append(startOfWord ? letter.ToUpperInvariant() : letter);
            startOfWord = false;
            i += length - 1;
        }

        return builder.ToString();
    }

    /// <summary>Whether <paramref name="name"/> can stand as a C# type or member name without escaping.</summary>
    public static bool IsValidIdentifier(string name) =>
        SyntaxFacts.IsValidIdentifier(name)
        && SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None
        && !name.StartsWith("@", System.StringComparison.Ordinal);

    /// <summary>
    /// Whether a valid identifier may also name a type: C# reserves type names made only of lower
    /// case ASCII letters for new keywords (CS8981), and rejects some already (<c>required</c>, <c>file</c>, <c>scoped</c>).
    /// </summary>
    public static bool IsValidTypeName(string name)
    {
        foreach (var c in name)
        {
            if (c < 'a' || c > 'z')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether every dotted part of <paramref name="name"/> is a valid identifier.</summary>
    public static bool IsValidNamespace(string name)
    {
        foreach (var part in name.Split('.'))
        {
            if (!IsValidIdentifier(part))
            {
                return false;
            }
        }

        return true;
    }
}
