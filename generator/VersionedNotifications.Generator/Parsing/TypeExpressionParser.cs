using VersionedNotifications.Generator.Model;

namespace VersionedNotifications.Generator.Parsing;

/// <summary>
/// Parses field type expressions: a built-in keyword, an object or enum name, or
/// <c>list&lt;T&gt;</c> / <c>dict&lt;T&gt;</c> where <c>T</c> may end in <c>?</c> for nullable elements.
/// </summary>
internal static class TypeExpressionParser
{
    /// <summary>Parses <paramref name="text"/>; on failure returns null and says why in <paramref name="error"/>.</summary>
    public static TypeReference? Parse(string text, out string? error)
    {
        var position = 0;
        var type = ParseType(text, ref position, depth: 0, out error);
        if (type is null)
        {
            return null;
        }

        SkipSpaces(text, ref position);
        if (position != text.Length)
        {
            error = $"unexpected '{text.Substring(position)}' after the type";
            return null;
        }

        return type;
    }

    private static TypeReference? ParseType(string text, ref int position, int depth, out string? error)
    {
        error = null;
        if (depth > 8)
        {
            error = "types nest at most 8 levels deep";
            return null;
        }

        SkipSpaces(text, ref position);
        var start = position;
        while (position < text.Length && (char.IsLetterOrDigit(text[position]) || text[position] == '_'))
        {
            position++;
        }

        var name = text.Substring(start, position - start);
        if (name.Length == 0)
        {
            error = position < text.Length ? $"expected a type name at '{text.Substring(position)}'" : "expected a type name";
            return null;
        }

        SkipSpaces(text, ref position);
        var isGeneric = position < text.Length && text[position] == '<';
        if (name is "list" or "dict")
        {
            if (!isGeneric)
            {
                error = $"'{name}' needs an element type, as in {name}<string>";
                return null;
            }

            position++;
            var element = ParseType(text, ref position, depth + 1, out error);
            if (element is null)
            {
                return null;
            }

            SkipSpaces(text, ref position);
            var elementNullable = position < text.Length && text[position] == '?';
            if (elementNullable)
            {
                position++;
                SkipSpaces(text, ref position);
            }

            if (position >= text.Length || text[position] != '>')
            {
                error = $"'{name}<' is not closed with '>'";
                return null;
            }

            position++;
            return new TypeReference(name == "list" ? TypeKind.List : TypeKind.Dict, Element: element, ElementNullable: elementNullable);
        }

        if (isGeneric)
        {
            error = $"only list and dict take an element type, not '{name}'";
            return null;
        }

        if (TypeNames.TryGetKeyword(name, out var kind))
        {
            return new TypeReference(kind);
        }

        if (char.IsDigit(name[0]))
        {
            error = $"'{name}' is not a type name";
            return null;
        }

        return new TypeReference(TypeKind.Named, Name: name);
    }

    private static void SkipSpaces(string text, ref int position)
    {
        while (position < text.Length && text[position] == ' ')
        {
            position++;
        }
    }
}
