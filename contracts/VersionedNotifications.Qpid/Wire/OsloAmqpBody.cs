using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace VersionedNotifications.Qpid;

/// <summary>
/// The JSON body oslo.messaging's amqp1 driver gives a notification (<c>marshal_request</c> in
/// impl_amqp1.py): <c>{"request": &lt;the message&gt;, "context": &lt;the request context&gt;}</c>, where the
/// message is the messagingv2 body <c>{"oslo.version": "2.0", "oslo.message": "..."}</c> (or the bare v1
/// envelope). oslo's amqp1 listener hands <c>context</c> to its endpoints as <c>ctxt</c>; the rabbit driver
/// puts the context in the message as <c>_context_*</c> keys instead. The driver writes the body with
/// <see cref="Drivers.OutgoingNotification.ToOsloAmqp1Body"/>, byte for byte as oslo does; this class reads it.
/// </summary>
internal static class OsloAmqpBody
{
    /// <summary>
    /// The <c>request</c> of an amqp1 driver body, with the entries of its <c>context</c> added to the
    /// envelope as the <c>_context_*</c> keys the reader takes the request context from (see
    /// <see cref="RequestContext"/>); anything else unchanged (a v2 body or v1 envelope sent as is, by a
    /// 0-9-1 publisher through RabbitMQ say), for the reader to read or report.
    /// </summary>
    public static ReadOnlyMemory<byte> Unwrap(ReadOnlyMemory<byte> body)
    {
        ReadOnlyMemory<byte>? request = null, context = null;
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
                var isContext = reader.ValueTextEquals("context"u8);
                if (!reader.Read())
                {
                    return body;
                }

                var start = (int)reader.TokenStartIndex;
                var isObject = reader.TokenType == JsonTokenType.StartObject;
                reader.Skip();
                if (isObject && isRequest)
                {
                    request = body[start..(int)reader.BytesConsumed];
                }
                else if (isObject && isContext)
                {
                    context = body[start..(int)reader.BytesConsumed];
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: the reader says where and why.
            return body;
        }

        return request is not { } found ? body : context is { } ctxt ? RequestContext.AddTo(found, ctxt) : found;
    }
}
