using System;
using System.Text.Json;

namespace VersionedNotifications.Qpid;

/// <summary>
/// The JSON body oslo.messaging's amqp1 driver gives a notification (<c>marshal_request</c> in
/// impl_amqp1.py): <c>{"request": &lt;the message&gt;, "context": &lt;the context&gt;}</c>, where the message is
/// the messagingv2 body <c>{"oslo.version": "2.0", "oslo.message": "..."}</c> (or the bare v1 envelope), and
/// the context the emitter's (the rabbit driver puts it in the message as <c>_context_*</c> keys instead).
/// </summary>
internal static class OsloAmqpBody
{
    private static ReadOnlySpan<byte> Start => "{\"request\":"u8;

    private static ReadOnlySpan<byte> End => ",\"context\":{}}"u8;

    /// <summary>The body around <paramref name="message"/>, with an empty context: notifications here carry none.</summary>
    public static byte[] Wrap(ReadOnlySpan<byte> message)
    {
        var body = new byte[Start.Length + message.Length + End.Length];
        Start.CopyTo(body);
        message.CopyTo(body.AsSpan(Start.Length));
        End.CopyTo(body.AsSpan(Start.Length + message.Length));
        return body;
    }

    /// <summary>
    /// The <c>request</c> object of an amqp1 driver body; anything else unchanged (a v2 body or v1 envelope sent
    /// as is, by a 0-9-1 publisher through RabbitMQ say), for the reader to read or report.
    /// </summary>
    public static ReadOnlyMemory<byte> Unwrap(ReadOnlyMemory<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body.Span);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return body;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isRequest = reader.ValueTextEquals("request"u8);
                if (!reader.Read())
                {
                    return body;
                }

                if (isRequest && reader.TokenType == JsonTokenType.StartObject)
                {
                    var start = (int)reader.TokenStartIndex;
                    reader.Skip();
                    return body[start..(int)reader.BytesConsumed];
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // Not JSON: the reader says where and why.
        }

        return body;
    }
}
