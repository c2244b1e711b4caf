using System.Text;
using Amqp;
using Amqp.Framing;

namespace VersionedNotifications.Qpid;

/// <summary>Makes and reads the AMQP 1.0 messages of notifications, as AMQPNetLite <see cref="Message"/>s.</summary>
internal static class AmqpMessageCodec
{
    /// <summary>
    /// A message as oslo's amqp1 driver sends a notification: the JSON as an AMQP string value (proton's
    /// <c>Message(body=str)</c>), <c>to</c> the link's address; plus, as the rabbit driver marks its
    /// messages persistent, <c>durable</c>, and the notification's <c>message_id</c> as the message id.
    /// </summary>
    public static Message Encode(string address, string messageId, byte[] body) => new(Encoding.UTF8.GetString(body))
    {
        Header = new Header { Durable = true },
        Properties = new Properties { MessageId = messageId, To = address },
    };

    /// <summary>
    /// The body of a received message: the bytes of an AMQP string or binary value, or of a single data
    /// section. <see langword="null"/> with the reason when the body is something else (a list, a map, several
    /// data sections, nothing).
    /// </summary>
    public static byte[]? DecodeBody(Message message, out string? problem)
    {
        object? body;
        try
        {
            body = message.Body;
        }
        catch (AmqpException error)
        {
            problem = "the body section cannot be read: " + AmqpConnection.Describe(error.Error);
            return null;
        }

        switch (body)
        {
            case string text:
                problem = null;
                return Encoding.UTF8.GetBytes(text);
            case byte[] bytes:
                problem = null;
                return bytes;
            case null:
                problem = "the message has no body";
                return null;
            default:
                problem = $"the body is an AMQP {body.GetType().Name}, not a JSON string or data section";
                return null;
        }
    }

    /// <summary>The whole message as AMQP encodes it, for the reader to report when its body is not JSON text.</summary>
    public static byte[] EncodeWhole(Message message)
    {
        var buffer = message.Encode();
        return buffer.Buffer.AsSpan(buffer.Offset, buffer.Length).ToArray();
    }
}
