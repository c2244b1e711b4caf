using System;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using VersionedNotifications.Generator.Model;

namespace VersionedNotifications.Generator.Checks;

/// <summary>Maps definition types to C# types, and defaults to C# expressions.</summary>
internal static class CSharpTypeMapper
{
    public const string JsonObjectType = "global::System.Text.Json.Nodes.JsonObject";

    /// <summary>
    /// The C# type of <paramref name="type"/>; <paramref name="inlineEnumType"/> is the generated
    /// type of a <c>type: enum</c> field, <paramref name="resolveNamed"/> resolves object and enum names.
    /// </summary>
    public static string TypeSyntax(TypeReference type, bool isNullable, string? inlineEnumType, Func<string, string?> resolveNamed)
    {
        var syntax = type.Kind switch
        {
            TypeKind.String or TypeKind.MacAddress => "string",
            TypeKind.Integer => "long",
            TypeKind.Float => "double",
            TypeKind.Boolean => "bool",
            TypeKind.Uuid => "global::VersionedNotifications.Uuid",
            TypeKind.DateTime => "global::System.DateTimeOffset",
            TypeKind.IpAddress => "global::System.Net.IPAddress",
            TypeKind.FlexibleDict => JsonObjectType,
            TypeKind.List => "global::System.Collections.Generic.IReadOnlyList<" + TypeSyntax(type.Element!, type.ElementNullable, inlineEnumType, resolveNamed) + ">",
            TypeKind.Dict => "global::System.Collections.Generic.IReadOnlyDictionary<string, " + TypeSyntax(type.Element!, type.ElementNullable, inlineEnumType, resolveNamed) + ">",
            TypeKind.InlineEnum => inlineEnumType!,
            _ => resolveNamed(type.Name!)!,
        };
        return isNullable ? syntax + "?" : syntax;
    }

    /// <summary>The property type of a field that may be unset, around its value's type.</summary>
    public static string OptionalType(string typeSyntax) => "global::VersionedNotifications.Optional<" + typeSyntax + ">";

    /// <summary>
    /// The C# expression for <paramref name="value"/> as a default of <paramref name="type"/>, or null
    /// when the value does not fit; <paramref name="enumMember"/> finds the member for an enum value.
    /// </summary>
    public static string? DefaultExpression(TypeReference type, bool isNullable, string typeSyntax, LiteralValue value, Func<string, string?> enumMember)
    {
        if (value.Kind == LiteralKind.Null)
        {
            return isNullable ? "null" : null;
        }

        switch (type.Kind)
        {
            case TypeKind.Boolean when value.Kind == LiteralKind.Boolean:
                return value.Json;
            case TypeKind.Integer when value.Kind == LiteralKind.Integer:
                return value.Json + "L";
            case TypeKind.Float when value.Kind is LiteralKind.Integer or LiteralKind.Float:
                return double.Parse(value.Json, NumberStyles.Float, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture) + "d";
            case TypeKind.String when value.Kind == LiteralKind.String:
                return StringLiteral(value.Text);
            case TypeKind.MacAddress when value.Kind == LiteralKind.String && MacAddressPattern.IsMatch(value.Text):
                return StringLiteral(value.Text);
            case TypeKind.Uuid when value.Kind == LiteralKind.String:
                // Any string, as oslo's UUIDField takes any string; the text is kept as written.
                return "new global::VersionedNotifications.Uuid(" + StringLiteral(value.Text) + ")";
            case TypeKind.DateTime when value.Kind == LiteralKind.String && IsIsoDateTime(value.Text):
                return "global::System.DateTimeOffset.Parse(" + StringLiteral(value.Text) + ", global::System.Globalization.CultureInfo.InvariantCulture, global::System.Globalization.DateTimeStyles.AssumeUniversal)";
            case TypeKind.IpAddress when value.Kind == LiteralKind.String && IsIpAddress(value.Text):
                return "global::System.Net.IPAddress.Parse(" + StringLiteral(value.Text) + ")";
            case TypeKind.InlineEnum or TypeKind.Named when value.Kind is not (LiteralKind.Array or LiteralKind.Object):
                // Enum values are strings on the wire; an unquoted 1 or true names the value "1" or "true".
                return enumMember(value.Text);
            case TypeKind.List when value.Json == "[]":
                return "global::System.Array.Empty<" + ElementSyntax(typeSyntax) + ">()";
            case TypeKind.Dict when value.Json == "{}":
                return "new global::System.Collections.Generic.Dictionary<string, " + ElementSyntax(typeSyntax).Substring("string, ".Length) + ">()";
            case TypeKind.FlexibleDict when value.Json == "{}":
                return "new " + JsonObjectType + "()";
            default:
                return null;
        }
    }

    private static readonly Regex MacAddressPattern = new("^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}$", RegexOptions.CultureInvariant);
    private static readonly Regex IsoDateTimePattern = new(@"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})?)?$", RegexOptions.CultureInvariant);
    private static readonly Regex IPv4Pattern = new(@"^\d{1,3}(\.\d{1,3}){3}$", RegexOptions.CultureInvariant);

    /// <summary>An ISO 8601 date or date and time, as oslo writes them, that is also a real date.</summary>
    private static bool IsIsoDateTime(string text) =>
        IsoDateTimePattern.IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _);

    /// <summary>A dotted-quad IPv4 or an IPv6 address; .NET alone would also take "1" as 0.0.0.1.</summary>
    private static bool IsIpAddress(string text) =>
        (IPv4Pattern.IsMatch(text) || text.IndexOf(':') >= 0) && System.Net.IPAddress.TryParse(text, out _);

    /// <summary>A C# string literal of <paramref name="value"/>, escaped for any character.</summary>
    public static string StringLiteral(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (char.IsControl(c) || char.IsSurrogate(c) || c == '\u2028' || c == '\u2029' || c == '\u0085')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>The type argument(s) inside the outermost angle brackets of a generic type syntax.</summary>
    private static string ElementSyntax(string typeSyntax)
    {
        var trimmed = typeSyntax.TrimEnd('?');
        var open = trimmed.IndexOf('<');
        return trimmed.Substring(open + 1, trimmed.Length - open - 2);
    }
}
