using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace VersionedNotifications.Tool.Commands.Messages;

/// <summary>
/// Reads captured messages through the contracts of <paramref name="reader"/>: an oslo v2 body, a bare v1
/// envelope, or a bare payload. A message passes only when it decodes, and writing it again in the same form,
/// unmasked, keeps every value it carried (<see cref="ReencodingCheck"/>).
/// </summary>
/// <param name="reader">The reader of the contracts: the built-in OpenStack ones, or those compiled from the user's definitions.</param>
internal sealed class CapturedMessages(NotificationReader reader)
{
    // A file whose top-level object has any of these keys is a notification; any other JSON value is a bare payload.
    private static readonly string[] EnvelopeKeys = ["oslo.message", "oslo.version", "message_id", "publisher_id", "event_type", "priority", "payload", "timestamp"];

    /// <summary>The reader of every notification the contracts declare.</summary>
    public NotificationReader Reader { get; } = reader;

    /// <summary>The event type named on the command line, for bare unversioned payloads.</summary>
    /// <exception cref="UsageException">No contract declares it.</exception>
    public EventTypeInfo? FindEventType(string? name)
    {
        if (name is null)
        {
            return null;
        }

        return Reader.TryGetEventType(name, out var eventType)
            ? eventType
            : throw new UsageException($"--event-type: no contract declares the event type '{name}'");
    }

    /// <summary>Fails before any output when a file named on the command line is not there.</summary>
    /// <exception cref="UsageException">A file does not exist.</exception>
    public static void EnsureExist(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (!File.Exists(path))
            {
                throw new UsageException($"no such file: {path}");
            }
        }
    }

    /// <summary>The bytes of a captured message.</summary>
    /// <exception cref="UsageException">The file cannot be read.</exception>
    public static byte[] Load(string path)
    {
        EnsureExist([path]);
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read {path}: {e.Message}");
        }
    }

    /// <summary>
    /// Decodes one message and checks that re-encoding keeps it. <paramref name="eventType"/> tells the
    /// event type of a bare unversioned payload; envelopes name their own.
    /// </summary>
    public bool TryRead(ReadOnlyMemory<byte> bytes, EventTypeInfo? eventType, [NotNullWhen(true)] out DecodedMessage? message, [NotNullWhen(false)] out MessageFailure? failure)
    {
        // The reader takes a UTF-8 byte order mark as Python's json does; the comparison is of the JSON after it.
        var json = bytes.Span.StartsWith("\uFEFF"u8) ? bytes[3..] : bytes;
        failure = IsBarePayload(json.Span) ? DecodePayload(bytes, eventType, out var decoded) : DecodeEnvelope(bytes, out decoded);
        if (decoded is not null)
        {
            failure = ReencodingCheck.FindChange(json, decoded.Write(DecodedMessage.FaithfulOptions), decoded.Format, Reader.Options.MaxDepth);
        }

        message = failure is null ? decoded : null;
        return message is not null;
    }

    /// <returns>The failure, or <see langword="null"/> when <paramref name="message"/> is set.</returns>
    private MessageFailure? DecodeEnvelope(ReadOnlyMemory<byte> bytes, out DecodedMessage? message)
    {
        message = null;
        switch (Reader.Read(bytes))
        {
            case DecodedNotification decoded:
                message = new DecodedEnvelope(decoded.Notification, decoded.Format!.Value, decoded.Contract);
                return null;
            case MalformedNotification malformed:
                return new MessageFailure(malformed.JsonPath, malformed.Reason);
            case UnsupportedNotification unsupported:
                return new MessageFailure(unsupported.JsonPath, unsupported.Detail);
            case var other:
                return new MessageFailure("$", "not a notification: " + other);
        }
    }

    /// <returns>The failure, or <see langword="null"/> when <paramref name="message"/> is set.</returns>
    private MessageFailure? DecodePayload(ReadOnlyMemory<byte> bytes, EventTypeInfo? eventType, out DecodedMessage? message)
    {
        var read = Reader.ReadPayload(bytes, eventType);
        message = read.IsSuccess ? new DecodedPayload(read.Payload!, read.Contract) : null;
        return read.IsSuccess ? null : new MessageFailure(read.JsonPath!, read.Reason!);
    }

    /// <summary>The property name, or <see langword="null"/> when it escapes an unpaired surrogate (the reader then says where).</summary>
    private static string? NameOrNull(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static bool IsBarePayload(ReadOnlySpan<byte> bytes)
    {
        // A file that breaks off before its first key is left to the envelope reader, which says where.
        var sawKey = false;
        try
        {
            var reader = new Utf8JsonReader(bytes);
            if (!reader.Read())
            {
                return false;
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return true;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (Array.IndexOf(EnvelopeKeys, NameOrNull(ref reader)) >= 0)
                {
                    return false;
                }

                sawKey = true;
                reader.Read();
                reader.Skip();
            }

            return sawKey;
        }
        catch (JsonException)
        {
            return sawKey;
        }
    }
}
