using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace VersionedNotifications.Generator.Parsing;

/// <summary>How wire names become C# names.</summary>
internal static class Naming
{
    /// <summary>
    /// PascalCase of a wire name: words split at anything that is not a letter or digit, each
    /// word's first letter raised, the rest kept (<c>power_set</c> → <c>PowerSet</c>,
    /// <c>power on</c> → <c>PowerOn</c>, <c>NodePayload</c> stays).
    /// </summary>
    public static string ToPascalCase(string name)
    {
        var builder = new StringBuilder(name.Length);
        var startOfWord = true;
        foreach (var c in name)
        {
            if (!char.IsLetterOrDigit(c))
            {
                startOfWord = true;
                continue;
            }

            builder.Append(startOfWord ? char.ToUpperInvariant(c) : c);
            startOfWord = false;
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
