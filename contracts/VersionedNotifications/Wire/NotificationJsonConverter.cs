using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace VersionedNotifications.Wire;

/// <summary>
/// A whole notification as its bare v1 envelope, for <c>JsonSerializer</c>: reading finds the payload
/// type by <c>event_type</c> in the contracts; a message the contracts cannot read throws a
/// <see cref="JsonException"/> with the path. Use <see cref="NotificationReader"/> for results instead
/// of exceptions and for the v2 body.
/// </summary>
public sealed class NotificationJsonConverter : JsonConverter<Notification>
{
    private readonly NotificationReader _reader;

    /// <summary>A converter for the notifications <paramref name="contracts"/> declare.</summary>
    public NotificationJsonConverter(INotificationContracts contracts) => _reader = new NotificationReader(contracts);

    /// <inheritdoc/>
    public override Notification Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var bytes = System.Text.Encoding.UTF8.GetBytes(document.RootElement.GetRawText());
        return _reader.Read(bytes) switch
        {
            DecodedNotification decoded => decoded.Notification,
            MalformedNotification malformed => throw new WireFormatException(malformed.JsonPath + ": " + malformed.Reason),
            UnsupportedNotification unsupported => throw new WireFormatException(unsupported.JsonPath + ": " + unsupported.Detail, isUnsupported: true),
            var other => throw new WireFormatException("not a notification: " + other),
        };
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, Notification value, JsonSerializerOptions options) =>
        NotificationWriter.WriteEnvelope(writer, value, PayloadWriteOptions.Default);
}
