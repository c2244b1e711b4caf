using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using VersionedNotifications.OpenStack;
using VersionedNotifications.OpenStack.Ironic;
using VersionedNotifications.Wire;

namespace VersionedNotifications.Benchmarks;

/// <summary>
/// The message every benchmark uses: baremetal.node.power_set.start, fully populated
/// NodeSetPowerStatePayload 1.16, as made by the real ironic code (tests/fixtures/openstack), as an
/// oslo v2 body; and the same message in the forms the other contenders need.
/// </summary>
public sealed class SampleMessage
{
    public static readonly JsonSerializerOptions ReflectionOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public SampleMessage()
    {
        Reader = new NotificationReader(OpenStackJsonContext.Default);
        var decoded = (DecodedNotification)Reader.Read(FixtureBytes());
        var read = (Notification<NodeSetPowerStatePayload>)decoded.Notification;
        Notification = VersionedNotifications.Notification.Create(read.Header with { UniqueId = "0f7c3e2a9b1d4c5e8f6a7b8c9d0e1f2a" }, read.Payload);
        Body = NotificationWriter.Write(Notification);

        var inner = JsonDocument.Parse(Body).RootElement.GetProperty("oslo.message").GetString()!;
        Plain = JsonSerializer.Deserialize<PlainEnvelope>(inner, ReflectionOptions)!;

        var unknown = JsonDocument.Parse(inner).RootElement.Clone();
        UnknownBody = Encoding.UTF8.GetBytes(inner.Replace("baremetal.node.power_set.start", "baremetal.node.firmware_set.start", StringComparison.Ordinal));
        GC.KeepAlive(unknown);
    }

    public NotificationReader Reader { get; }

    /// <summary>The fixture made by the real ironic code: a v1 envelope.</summary>
    public static byte[] FixtureBytes()
    {
        using var resource = typeof(SampleMessage).Assembly.GetManifestResourceStream("power_set.start.json")!;
        using var copy = new MemoryStream();
        resource.CopyTo(copy);
        return copy.ToArray();
    }

    public Notification<NodeSetPowerStatePayload> Notification { get; }

    /// <summary>The oslo v2 body written by the generated converters (what the others must match).</summary>
    public byte[] Body { get; }

    /// <summary>The same notification as plain classes.</summary>
    public PlainEnvelope Plain { get; }

    /// <summary>The v1 envelope of an event type no contract declares.</summary>
    public byte[] UnknownBody { get; }

    /// <summary>Writes the v2 body with reflection-based System.Text.Json over the plain classes.</summary>
    public static void WriteReflection(IBufferWriter<byte> output, PlainEnvelope envelope)
    {
        var body = new PlainBody { Message = JsonSerializer.Serialize(envelope, ReflectionOptions) };
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        JsonSerializer.Serialize(writer, body, ReflectionOptions);
    }

    /// <summary>Reads the v2 body with reflection-based System.Text.Json into the plain classes.</summary>
    public static PlainEnvelope ReadReflection(byte[] body)
    {
        var outer = JsonSerializer.Deserialize<PlainBody>(body, ReflectionOptions)!;
        return JsonSerializer.Deserialize<PlainEnvelope>(outer.Message, ReflectionOptions)!;
    }

    /// <summary>Writes the body at NodePayload's older minor 1.12 (the maintenance form, which can be backported).</summary>
    public static PayloadWriteOptions Backport { get; } = new() { TargetVersion = "1.12" };
}
