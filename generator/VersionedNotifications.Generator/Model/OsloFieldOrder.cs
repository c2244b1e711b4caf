using System;
using System.Collections.Generic;

namespace VersionedNotifications.Generator.Model;

/// <summary>
/// The order oslo.versionedobjects writes a versioned object's fields in: the object's own declarations first, then
/// its base's, nearest base first, each name at its first place (<c>_make_class_properties</c> copies the class's own
/// <c>fields</c> and then adds each superclass's missing ones). The generator numbers a converter's fields by it, and
/// the tool's example messages follow it.
/// </summary>
internal static class OsloFieldOrder
{
    /// <summary>The field names of the first object of <paramref name="nearestFirst"/>, which lists it and then its bases, nearest first.</summary>
    public static List<string> Of(IEnumerable<ObjectDefinition> nearestFirst)
    {
        var order = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var definition in nearestFirst)
        {
            foreach (var field in definition.Fields)
            {
                if (seen.Add(field.Name))
                {
                    order.Add(field.Name);
                }
            }
        }

        return order;
    }
}
