using System.Collections.Generic;

namespace VersionedNotifications.Generator.Model;

/// <summary>The built-in type keywords of the definition language.</summary>
internal static class TypeNames
{
    private static readonly Dictionary<string, TypeKind> Keywords = new()
    {
        ["string"] = TypeKind.String,
        ["integer"] = TypeKind.Integer,
        ["float"] = TypeKind.Float,
        ["boolean"] = TypeKind.Boolean,
        ["uuid"] = TypeKind.Uuid,
        ["datetime"] = TypeKind.DateTime,
        ["ip_address"] = TypeKind.IpAddress,
        ["mac_address"] = TypeKind.MacAddress,
        ["flexible_dict"] = TypeKind.FlexibleDict,
        ["enum"] = TypeKind.InlineEnum,
    };

    /// <summary>The list shown to users when a type name is unknown.</summary>
    public const string BuiltInList = "string, integer, float, boolean, uuid, datetime, ip_address, mac_address, flexible_dict, enum, list<T>, dict<T>";

    public static bool TryGetKeyword(string name, out TypeKind kind) => Keywords.TryGetValue(name, out kind);

    public static string KeywordOf(TypeKind kind)
    {
        foreach (var pair in Keywords)
        {
            if (pair.Value == kind)
            {
                return pair.Key;
            }
        }

        return kind.ToString();
    }
}
