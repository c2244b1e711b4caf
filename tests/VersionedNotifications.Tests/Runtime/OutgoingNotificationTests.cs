using System.Text.Json;
using VersionedNotifications.Drivers;
using IronicEvents = VersionedNotifications.OpenStack.Ironic.EventTypes;

namespace VersionedNotifications.Tests.Runtime;

/// <summary>The envelope written once, and the messagingv2 body made from it, byte for byte as the writer makes it.</summary>
public sealed class OutgoingNotificationTests
{
    private static Notification Notification() =>
        VersionedNotifications.Notification.Create(IronicEvents.Baremetal.Node.PowerSet.Start, RuntimePayloads.PowerSetStart(), "ironic-conductor.node-1");

    [Fact]
    public void The_v2_body_is_the_writer_s_v2_body()
    {
        var notification = Notification();
        var outgoing = OutgoingNotification.Create(notification, ["t"]);
        var uniqueId = "0123456789abcdef0123456789abcdef";
        var withId = VersionedNotifications.Notification.Create(notification.Header with { UniqueId = uniqueId }, RuntimePayloads.PowerSetStart());

        Assert.Equal(NotificationWriter.Write(withId, MessageFormat.MessagingV2), outgoing.ToMessagingV2(uniqueId));
        Assert.Equal(NotificationWriter.Write(notification, MessageFormat.MessagingV1), outgoing.Envelope.ToArray());
    }

    [Fact]
    public void Each_v2_body_gets_its_own_unique_id_as_oslo_gives_each_send_one()
    {
        var outgoing = OutgoingNotification.Create(Notification(), ["a", "b"]);

        var first = RuntimePayloads.Reader.Read(outgoing.ToMessagingV2());
        var second = RuntimePayloads.Reader.Read(outgoing.ToMessagingV2());

        var ids = new[] { first, second }.Select(r => Assert.IsType<DecodedNotification>(r).Notification.Header.UniqueId).ToArray();
        Assert.All(ids, id => Assert.Matches("^[0-9a-f]{32}$", id));
        Assert.NotEqual(ids[0], ids[1]);
    }

    [Fact]
    public void A_header_s_unique_id_is_kept()
    {
        var header = Notification().Header with { UniqueId = "kept" };
        var outgoing = OutgoingNotification.Create(VersionedNotifications.Notification.Create(header, RuntimePayloads.PowerSetStart()), ["t"]);

        var body = JsonDocument.Parse(outgoing.ToMessagingV2());
        var inner = JsonDocument.Parse(body.RootElement.GetProperty("oslo.message").GetString()!);

        Assert.Equal("kept", inner.RootElement.GetProperty("_unique_id").GetString());
        Assert.Single(inner.RootElement.EnumerateObject(), p => p.Name == "_unique_id");
    }

    [Fact]
    public void A_notification_needs_a_topic() =>
        Assert.Throws<ArgumentException>(() => OutgoingNotification.Create(Notification(), []));

    [Fact]
    public void A_large_notification_costs_its_compact_envelope_and_its_body_not_a_growing_buffer_s_copies()
    {
        var extra = new System.Text.Json.Nodes.JsonObject();
        for (var i = 0; i < 10_000; i++)
        {
            extra.Add("pad_" + i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture), new string('x', 100));
        }

        var notification = VersionedNotifications.Notification.Create(IronicEvents.Baremetal.Node.PowerSet.Start, RuntimePayloads.PowerSetStart() with { Extra = extra }, "ironic-conductor.node-1");
        for (var i = 0; i < 3; i++)
        {
            OutgoingNotification.Create(notification, ["t"]).ToMessagingV2();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var body = OutgoingNotification.Create(notification, ["t"]).ToMessagingV2();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // About 1.2 MB of body: the compact envelope kept for the drivers and the body, each allocated once at
        // its size (a buffer that doubles as it grows, and the envelope written before anyone asked for it,
        // cost several times that).
        Assert.True(body.Length > 1_000_000, $"{body.Length} bytes");
        Assert.InRange(allocated, 0, (long)(2.2 * body.Length));
    }
}
