using System.Text.Json.Nodes;
using VersionedNotifications.OpenStack;
using VersionedNotifications.OpenStack.Ironic;

namespace VersionedNotifications.Benchmarks;

/// <summary>
/// The sample message grown (or shrunk) to a body of about a given size, for the scale modes: its <c>extra</c>
/// dict is emptied and then filled with entries of 100 ASCII characters until the v2 body reaches the size. The
/// message is made by the reader from JSON, so it is what a consumer of such a body would hold. The smallest
/// body the sample can make is its fixed fields with empty dicts (1,957 bytes).
/// </summary>
internal static class ScaledSample
{
    private const int EntryText = 100;

    /// <summary>The notification whose v2 body is the first size of at least <paramref name="bodyBytes"/> this padding reaches.</summary>
    public static Notification<NodeSetPowerStatePayload> Make(int bodyBytes)
    {
        var reader = new NotificationReader(OpenStackJsonContext.Default);
        var fixture = JsonNode.Parse(SampleMessage.FixtureBytes())!;
        var data = fixture["payload"]!["ironic_object.data"]!;
        foreach (var dict in new[] { "extra", "properties", "clean_step", "deploy_step" })
        {
            data[dict] = new JsonObject();
        }

        var smallest = Read(reader, fixture);
        var perEntry = EntryText + 16;
        var entries = Math.Max(0, (bodyBytes - NotificationWriter.Write(smallest).Length) / perEntry);
        var extra = data["extra"]!.AsObject();
        var text = new string('x', EntryText);
        for (var i = 0; i < entries; i++)
        {
            extra.Add("pad_" + i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture), text);
        }

        return Read(reader, fixture);
    }

    private static Notification<NodeSetPowerStatePayload> Read(NotificationReader reader, JsonNode envelope)
    {
        var result = reader.Read(System.Text.Encoding.UTF8.GetBytes(envelope.ToJsonString()));
        var decoded = result as DecodedNotification ?? throw new InvalidOperationException($"the scaled sample does not read: {result}");
        return (Notification<NodeSetPowerStatePayload>)decoded.Notification;
    }
}
