using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace VersionedNotifications.Qpid;

/// <summary>
/// Carries the request context oslo's amqp1 driver sends beside the message into the envelope, as the
/// <c>_context_&lt;key&gt;</c> entries the rabbit driver writes and the reader reads into
/// <see cref="NotificationHeader.Context"/>: a listener sees the same context over either transport. The
/// messagingv2 body keeps its envelope as a JSON string in <c>oslo.message</c>, which is rewritten with the
/// entries added; a key the envelope already carries is left as it is.
/// </summary>
internal static class RequestContext
{
    private const string Prefix = "_context_";
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// <paramref name="request"/> with the entries of <paramref name="context"/> added; unchanged when the
    /// context is empty or either is not a JSON object (the reader then reports the request as it is).
    /// </summary>
    public static ReadOnlyMemory<byte> AddTo(ReadOnlyMemory<byte> request, ReadOnlyMemory<byte> context)
    {
        try
        {
            using var contextDocument = JsonDocument.Parse(context);
            var entries = contextDocument.RootElement;
            if (entries.ValueKind != JsonValueKind.Object || !entries.EnumerateObject().MoveNext())
            {
                return request;
            }

            using var requestDocument = JsonDocument.Parse(request);
            var root = requestDocument.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return request;
            }

            if (!root.TryGetProperty("oslo.message"u8, out var packed) || packed.ValueKind != JsonValueKind.String)
            {
                return Write(writer => WriteEnvelope(writer, root, entries));
            }

            using var envelopeDocument = JsonDocument.Parse(packed.GetString()!);
            if (envelopeDocument.RootElement.ValueKind != JsonValueKind.Object)
            {
                return request;
            }

            var envelope = Encoding.UTF8.GetString(Write(writer => WriteEnvelope(writer, envelopeDocument.RootElement, entries)));
            return Write(writer =>
            {
                writer.WriteStartObject();
                foreach (var property in root.EnumerateObject())
                {
                    if (property.NameEquals("oslo.message"u8))
                    {
                        writer.WriteString(property.Name, envelope);
                    }
                    else
                    {
                        property.WriteTo(writer);
                    }
                }

                writer.WriteEndObject();
            });
        }
        catch (JsonException)
        {
            return request;
        }
    }

    private static void WriteEnvelope(Utf8JsonWriter writer, JsonElement envelope, JsonElement context)
    {
        var present = new HashSet<string>(StringComparer.Ordinal);
        writer.WriteStartObject();
        foreach (var property in envelope.EnumerateObject())
        {
            present.Add(property.Name);
            property.WriteTo(writer);
        }

        foreach (var entry in context.EnumerateObject())
        {
            if (present.Add(Prefix + entry.Name))
            {
                writer.WritePropertyName(Prefix + entry.Name);
                entry.Value.WriteTo(writer);
            }
        }

        writer.WriteEndObject();
    }

    private static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
