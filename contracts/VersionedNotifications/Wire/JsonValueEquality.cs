using System;
using System.Text.Json;

namespace VersionedNotifications.Wire;

/// <summary>Whether two JSON values mean the same: same kinds, same members in any order, numbers equal by value (<c>1</c> equals <c>1.0</c>).</summary>
public static class JsonValueEquality
{
    /// <summary>Compares <paramref name="left"/> and <paramref name="right"/> as JSON values.</summary>
    public static bool Equals(JsonElement left, JsonElement right)
    {
        if (left.ValueKind != right.ValueKind)
        {
            return false;
        }

        switch (left.ValueKind)
        {
            case JsonValueKind.Object:
                var count = 0;
                foreach (var property in left.EnumerateObject())
                {
                    count++;
                    if (!right.TryGetProperty(property.Name, out var other) || !Equals(property.Value, other))
                    {
                        return false;
                    }
                }

                foreach (var unused in right.EnumerateObject())
                {
                    count--;
                }

                return count == 0;
            case JsonValueKind.Array:
                if (left.GetArrayLength() != right.GetArrayLength())
                {
                    return false;
                }

                using (var l = left.EnumerateArray())
                using (var r = right.EnumerateArray())
                {
                    while (l.MoveNext() && r.MoveNext())
                    {
                        if (!Equals(l.Current, r.Current))
                        {
                            return false;
                        }
                    }
                }

                return true;
            case JsonValueKind.String:
                return left.ValueEquals(right.GetString());
            case JsonValueKind.Number:
                if (left.TryGetDecimal(out var leftDecimal) && right.TryGetDecimal(out var rightDecimal))
                {
                    return leftDecimal == rightDecimal;
                }

                return left.GetDouble().Equals(right.GetDouble());
            default:
                return true;
        }
    }
}
