using System;
using System.Text;
using VersionedNotifications.Qpid.Native;
using static VersionedNotifications.Qpid.Native.Proton;

namespace VersionedNotifications.Qpid;

/// <summary>
/// Encodes and decodes AMQP 1.0 messages with one reused <c>pn_message_t</c> and one growing buffer, so a
/// message costs no native allocation of its own. Used on a connection's thread only.
/// </summary>
internal sealed unsafe class AmqpMessageCodec : IDisposable
{
    private readonly MessageHandle _message = pn_message();
    private byte[] _buffer = new byte[4096];

    /// <summary>
    /// A message as oslo's amqp1 driver sends a notification: the JSON as an AMQP string value (proton's
    /// <c>Message(body=str)</c>), <c>to</c> the link's address; plus, as the rabbit driver marks its
    /// messages persistent, <c>durable</c>, and the notification's <c>message_id</c> as the message id.
    /// The span is valid until the next call.
    /// </summary>
    public ReadOnlySpan<byte> Encode(string address, string messageId, ReadOnlySpan<byte> body)
    {
        pn_message_clear(_message);
        pn_message_set_address(_message, address);
        pn_message_set_durable(_message, true);
        pn_message_set_inferred(_message, false);
        var id = Encoding.UTF8.GetBytes(messageId);
        fixed (byte* idBytes = id)
        fixed (byte* bodyBytes = body)
        {
            // pn_message_clear leaves the id's data as it was (Proton keeps it for the deprecated pn_message_id): cleared here, or it grows by a node per message.
            var idData = pn_message_id(_message);
            pn_data_clear(idData);
            pn_data_put_string(idData, new PnBytes((nuint)id.Length, idBytes));
            pn_data_put_string(pn_message_body(_message), new PnBytes((nuint)body.Length, bodyBytes));
        }

        while (true)
        {
            var size = (nuint)_buffer.Length;
            int result;
            fixed (byte* output = _buffer)
            {
                result = pn_message_encode(_message, output, &size);
            }

            if (result == PN_OVERFLOW)
            {
                _buffer = new byte[_buffer.Length * 2];
                continue;
            }

            if (result < 0)
            {
                throw new InvalidOperationException($"Proton could not encode the message for {address} (error {result})");
            }

            return _buffer.AsSpan(0, (int)size);
        }
    }

    /// <summary>
    /// The body of an encoded message, copied: the bytes of an AMQP string or binary value, or of a single
    /// data section. <see langword="null"/> with the reason when the message cannot be decoded or its
    /// body is something else (a list, a map, nothing).
    /// </summary>
    public byte[]? DecodeBody(ReadOnlySpan<byte> encoded, out string? problem)
    {
        pn_message_clear(_message);
        int result;
        fixed (byte* input = encoded)
        {
            result = pn_message_decode(_message, input, (nuint)encoded.Length);
        }

        if (result < 0)
        {
            problem = $"Proton could not decode the message (error {result})";
            return null;
        }

        var body = pn_message_body(_message);
        pn_data_rewind(body);
        if (!pn_data_next(body))
        {
            problem = "the message has no body";
            return null;
        }

        switch (pn_data_type(body))
        {
            case PN_STRING:
                problem = null;
                return pn_data_get_string(body).AsSpan().ToArray();
            case PN_BINARY:
                problem = null;
                return pn_data_get_binary(body).AsSpan().ToArray();
            case var type:
                problem = $"the body is an AMQP value of type {type}, not a JSON string or data section";
                return null;
        }
    }

    public void Dispose() => _message.Dispose();
}
