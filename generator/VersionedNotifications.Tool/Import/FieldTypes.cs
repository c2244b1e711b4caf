namespace VersionedNotifications.Tool.Import;

/// <summary>
/// The definitions type of an oslo field type, read through the oslo.versionedobjects class the type is or derives
/// from (nova's SensitiveString is a String). What has no type in the language is left to a person.
/// </summary>
internal static class FieldTypes
{
    private static readonly Dictionary<string, string> Scalars = new(StringComparer.Ordinal)
    {
        ["String"] = "string",
        ["Integer"] = "integer",
        ["NonNegativeInteger"] = "integer",
        ["Float"] = "float",
        ["NonNegativeFloat"] = "float",
        ["Boolean"] = "boolean",
        ["FlexibleBoolean"] = "boolean",
        ["UUID"] = "uuid",
        ["DateTime"] = "datetime",
        ["IPAddress"] = "ip_address",
        ["IPV4Address"] = "ip_address",
        ["IPV6Address"] = "ip_address",
        ["IPV4AndV6Address"] = "ip_address",
        ["MACAddress"] = "mac_address",
    };

    /// <summary>The type expression, with <paramref name="namedEnums"/> naming the enum classes that become named enums.</summary>
    /// <param name="enumValues">Filled with the values of an enum the type holds without a name.</param>
    /// <param name="enumName">Set to the named enum the type holds.</param>
    /// <param name="notes">What a reader should know about the mapping (a set travels as a list).</param>
    public static Choice Map(PythonType type, IReadOnlySet<string> namedEnums, List<string> enumValues, ref string? enumName, List<string> notes)
    {
        if (type.Object is not null)
        {
            return new Choice(type.Object);
        }

        if (type.ValidValues is not null)
        {
            if (namedEnums.Contains(type.Class))
            {
                enumName = type.Class;
                return new Choice(type.Class);
            }

            enumValues.AddRange(type.ValidValues);
            return new Choice("enum");
        }

        var container = type.Ovo.FirstOrDefault(c => c is "List" or "Set" or "Dict");
        if (type.Element is not null && container is not null)
        {
            var element = Map(type.Element, namedEnums, enumValues, ref enumName, notes);
            if (!element.IsDecided)
            {
                return element;
            }

            if (container == "Set")
            {
                notes.Add($"oslo's {type.Class}({type.Element.Class}) travels as a JSON list; the definitions say list, without a set's uniqueness");
            }

            return new Choice($"{(container == "Dict" ? "dict" : "list")}<{element.Value}{(type.ElementNullable ? "?" : string.Empty)}>");
        }

        // Ironic's FlexibleDict (a dict of anything, None made {}) is what the language's flexible_dict stands for.
        if (type.Class == "FlexibleDict")
        {
            return new Choice("flexible_dict");
        }

        // The nearest oslo class the language has a type for (VersionPredicate is a String); a service's own class
        // named after an oslo type (ironic's MACAddress) stands for that type.
        var scalar = type.Ovo.Prepend(type.Class).Select(c => Scalars.GetValueOrDefault(c)).FirstOrDefault(s => s is not null);
        return scalar is not null
            ? new Choice(scalar)
            : Choice.Undetermined($"oslo field type {type.Module}.{type.Class} has no type in the definitions language; choose one");
    }
}
