using System.Text.Json.Nodes;

namespace VersionedNotifications.Tool.Publishing.Schemas;

/// <summary>Builds schema objects whose keys come in reading order: what the schema is, then how it checks.</summary>
internal static class SchemaObjects
{
    /// <summary><paramref name="leading"/> with the members of <paramref name="body"/> moved in after its own.</summary>
    public static JsonObject Then(this JsonObject leading, JsonObject body)
    {
        foreach (var (key, value) in body.ToList())
        {
            body.Remove(key);
            leading[key] = value;
        }

        return leading;
    }
}
