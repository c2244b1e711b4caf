using System;
using System.Collections.Generic;

namespace VersionedNotifications.Wire;

/// <summary>
/// A property name as <see cref="OsloJsonWriter"/> writes it, made once: its quotes, its escapes and the <c>": "</c>
/// after it, as plain JSON text and as the content of a JSON string (a v2 body's inner message). Generated converters
/// keep one for each field.
/// </summary>
public sealed class OsloPropertyName
{
    /// <summary>Makes the two texts of <paramref name="name"/>.</summary>
    public OsloPropertyName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
        Text = Written(name, asStringContent: false);
        StringContent = Written(name, asStringContent: true);
    }

    /// <summary>The name.</summary>
    public string Name { get; }

    /// <summary><c>, "name": </c>: with the separator before it, which every name but an object's first needs.</summary>
    internal byte[] Text { get; }

    /// <summary><c>, \"name\": </c>.</summary>
    internal byte[] StringContent { get; }

    /// <summary>The names of <paramref name="fields"/>, in their order.</summary>
    public static OsloPropertyName[] Of(IReadOnlyList<WireField> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var names = new OsloPropertyName[fields.Count];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = new OsloPropertyName(fields[i].Name);
        }

        return names;
    }

    /// <inheritdoc/>
    public override string ToString() => Name;

    private static byte[] Written(string name, bool asStringContent)
    {
        var writer = OsloJsonWriter.Take(asStringContent);
        try
        {
            // After a value, so that the name comes with the ", " before it.
            writer.WriteNullValue();
            writer.WritePropertyName(name);
            return writer.WrittenSpan["null".Length..].ToArray();
        }
        finally
        {
            OsloJsonWriter.Return(writer);
        }
    }
}
