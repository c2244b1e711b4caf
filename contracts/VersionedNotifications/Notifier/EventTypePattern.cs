using System;
using System.Collections.Generic;

namespace VersionedNotifications;

/// <summary>
/// A pattern over event types or publisher ids. <c>*</c> stands for any run of characters (dots
/// included) and <c>?</c> for one character. A pattern without wildcards matches that exact name, and
/// also, as Glance's <c>disabled_notifications</c> does for groups, every name that continues it after
/// a dot: <c>image</c> matches <c>image.create</c>, <c>baremetal.node</c> matches <c>baremetal.node.power_set.start</c>.
/// Matching is ordinal and case-sensitive, as event types are on the wire.
/// </summary>
public sealed class EventTypePattern
{
    private readonly string _pattern;
    private readonly bool _hasWildcards;

    private EventTypePattern(string pattern)
    {
        _pattern = pattern;
        _hasWildcards = pattern.AsSpan().IndexOfAny('*', '?') >= 0;
    }

    /// <summary>The pattern as written.</summary>
    public string Text => _pattern;

    /// <summary>Reads a pattern.</summary>
    /// <exception cref="ArgumentException">The pattern is empty or has white space.</exception>
    public static EventTypePattern Parse(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (!TryParse(pattern, out var parsed, out var error))
        {
            throw new ArgumentException(error, nameof(pattern));
        }

        return parsed;
    }

    /// <summary>Reads a pattern, or says why it is not one.</summary>
    public static bool TryParse(string? pattern, out EventTypePattern parsed, out string error)
    {
        parsed = null!;
        if (string.IsNullOrWhiteSpace(pattern))
        {
            error = "a pattern cannot be empty";
            return false;
        }

        foreach (var c in pattern)
        {
            if (char.IsWhiteSpace(c))
            {
                error = $"'{pattern}' has white space, which no event type has";
                return false;
            }
        }

        error = string.Empty;
        parsed = new EventTypePattern(pattern);
        return true;
    }

    /// <summary>Reads patterns, naming the first bad one by its index.</summary>
    /// <exception cref="ArgumentException">A pattern is empty or has white space.</exception>
    public static IReadOnlyList<EventTypePattern> ParseAll(IEnumerable<string> patterns)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        var parsed = new List<EventTypePattern>();
        foreach (var pattern in patterns)
        {
            if (!TryParse(pattern, out var one, out var error))
            {
                throw new ArgumentException($"pattern {parsed.Count}: {error}", nameof(patterns));
            }

            parsed.Add(one);
        }

        return parsed;
    }

    /// <summary>Whether any of <paramref name="patterns"/> matches <paramref name="name"/>.</summary>
    public static bool MatchesAny(IReadOnlyList<EventTypePattern> patterns, string name)
    {
        foreach (var pattern in patterns)
        {
            if (pattern.Matches(name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="name"/> matches.</summary>
    public bool Matches(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!_hasWildcards)
        {
            return name.StartsWith(_pattern, StringComparison.Ordinal)
                && (name.Length == _pattern.Length || name[_pattern.Length] == '.');
        }

        return Glob(_pattern, name);
    }

    /// <inheritdoc/>
    public override string ToString() => _pattern;

    // Iterative glob with one backtracking point per '*': linear in practice, never exponential.
    private static bool Glob(string pattern, string name)
    {
        int p = 0, n = 0, star = -1, resume = 0;
        while (n < name.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == name[n]))
            {
                p++;
                n++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                resume = n;
            }
            else if (star >= 0)
            {
                p = star + 1;
                n = ++resume;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
