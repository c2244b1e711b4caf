using System.Text.Json.Nodes;

namespace VersionedNotifications.Wire;

/// <summary>
/// The one walk over a JSON tree (flexible dicts, fields kept from the wire, the request context) that both of the
/// runtime's writers use: objects and arrays in document order, each leaf handed to the writer's own
/// <see cref="IJsonTreeWriter.WriteValue"/>: <see cref="OsloJsonWriter"/> is one, a <c>Utf8JsonWriter</c> is wrapped in a
/// struct. Generic, so a write allocates nothing.
/// </summary>
internal static class JsonTreeWalk
{
    /// <summary>A writer of a tree's structure, and of its leaves in its own way.</summary>
    internal interface IJsonTreeWriter
    {
        void WriteNullValue();

        void WriteStartObject();

        void WritePropertyName(string name);

        void WriteEndObject();

        void WriteStartArray();

        void WriteEndArray();

        /// <summary>Writes one leaf: a value read from the wire, or one a program put in the tree.</summary>
        void WriteValue(JsonValue value);
    }

    public static void Write<TWriter>(TWriter writer, JsonNode? node)
        where TWriter : IJsonTreeWriter
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                return;
            case JsonObject members:
                writer.WriteStartObject();
#if NET9_0_OR_GREATER
                // By index: JsonObject's enumerator is boxed, and a write should allocate nothing.
                for (var i = 0; i < members.Count; i++)
                {
                    var (name, member) = members.GetAt(i);
                    writer.WritePropertyName(name);
                    Write(writer, member);
                }
#else
                foreach (var (name, member) in members)
                {
                    writer.WritePropertyName(name);
                    Write(writer, member);
                }
#endif

                writer.WriteEndObject();
                return;
            case JsonArray items:
                writer.WriteStartArray();
                for (var i = 0; i < items.Count; i++)
                {
                    Write(writer, items[i]);
                }

                writer.WriteEndArray();
                return;
            case JsonValue value:
                writer.WriteValue(value);
                return;
        }
    }
}
