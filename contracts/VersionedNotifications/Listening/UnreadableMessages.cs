using System;
using System.Text.Json;

namespace VersionedNotifications;

/// <summary>Sorts what the reader could not read into the <see cref="UnreadableReason"/> the statistics count.</summary>
internal static class UnreadableMessages
{
    /// <summary>Why <paramref name="result"/> cannot go to a typed handler; <see langword="null"/> when it was read.</summary>
    public static UnreadableReason? ReasonOf(NotificationReadResult result, NotificationReaderOptions limits) => result switch
    {
        DecodedNotification => null,
        UnsupportedNotification { Reason: UnsupportedReason.UnknownEventType } => UnreadableReason.UnknownEventType,
        UnsupportedNotification => UnreadableReason.UnsupportedPayload,

        // The reader gives no format only before it looked at the JSON: for the size limit or invalid UTF-8.
        MalformedNotification { Format: null } => result.Message.Length > limits.MaxMessageBytes ? UnreadableReason.TooLarge : UnreadableReason.NotUtf8,
        MalformedNotification { MessageId: not null } => UnreadableReason.WrongValues,
        _ => IsJson(result.Message.Span) ? UnreadableReason.NotAnEnvelope : UnreadableReason.NotJson,
    };

    private static bool IsJson(ReadOnlySpan<byte> message)
    {
        ReadOnlySpan<byte> byteOrderMark = [0xEF, 0xBB, 0xBF];
        if (message.StartsWith(byteOrderMark))
        {
            message = message[byteOrderMark.Length..];
        }

        var reader = new Utf8JsonReader(message, new JsonReaderOptions { MaxDepth = 1024 });
        try
        {
            while (reader.Read())
            {
            }

            return reader.BytesConsumed > 0;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
