using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using VersionedNotifications.OpenStack.Glance;
using VersionedNotifications.Qpid.Tests.Infrastructure;
using GlanceEvents = VersionedNotifications.OpenStack.Glance.EventTypes;

namespace VersionedNotifications.Qpid.Tests.Interop;

/// <summary>
/// Both ways against Debian's python3-qpid-proton through RabbitMQ, with oslo.messaging's own amqp1 code on
/// the Python side: its addresser picks the address (legacy mode, the one that works on RabbitMQ), its
/// marshal_request makes what it sends and its unmarshal_request reads what we send.
/// </summary>
[Collection(QpidBrokerCollection.Name)]
public sealed class ProtonPeerTests(QpidBroker broker)
{
    [Fact]
    public async Task What_the_driver_sends_is_what_the_oslo_amqp1_listener_reads_on_the_address_oslo_listens_on()
    {
        var exchange = Names.Unique("glance");
        await using var peer = PeerProcess.Python("proton_receive.py", "--url", broker.AmqpUrl, "--exchange", exchange, "--topic", "notifications", "--priority", "info", "--count", "3");
        await peer.WaitForLineAsync(line => line.StartsWith("READY ", StringComparison.Ordinal), TimeSpan.FromMinutes(2));
        var address = peer.Lines.First(line => line.StartsWith("READY ", StringComparison.Ordinal))["READY ".Length..];
        Assert.Equal($"unicast.{exchange}.notifications.info", address);

        await using var driver = new QpidNotificationDriver(QpidEmitters.DriverOptions(broker, exchange));
        using var notifier = new Notifier(QpidEmitters.NotifierOptions("notifications"), [driver]);
        var sent = new List<Notification<ImagePayload>>();
        for (var i = 0; i < 3; i++)
        {
            var notification = QpidEmitters.NewImageUpdate(QpidEmitters.ImageUpdate());
            sent.Add(notification);
            await notifier.EmitAsync(notification);
        }

        await notifier.FlushAsync(CancellationToken.None);
        Assert.Equal(3, driver.Statistics.Confirmed);
        Assert.Equal(0, await peer.WaitForExitAsync(TimeSpan.FromMinutes(2)));

        var messages = peer.Lines.Where(line => line.StartsWith('{')).Select(line => JsonNode.Parse(line)!).ToList();
        Assert.Equal(3, messages.Count);
        for (var i = 0; i < 3; i++)
        {
            var message = messages[i];
            Assert.Equal(address, (string?)message["address"]);
            Assert.True((bool)message["durable"]!);
            Assert.Equal("str", (string?)message["body_type"]);
            Assert.StartsWith("{\"request\": {\"oslo.version\": \"2.0\", \"oslo.message\": ", (string?)message["body"]);
            Assert.Equal(sent[i].Header.MessageId, (string?)message["id"]);
            Assert.Equal("{}", message["context"]!.ToJsonString());

            // oslo's deserialize_msg unwrapped the v2 body: the envelope as oslo's listener hands it to endpoints.
            var envelope = message["request"]!;
            Assert.Equal(sent[i].Header.MessageId, (string?)envelope["message_id"]);
            Assert.Equal("image.update", (string?)envelope["event_type"]);
            Assert.Equal("INFO", (string?)envelope["priority"]);
            Assert.Equal("glance-api.test-host", (string?)envelope["publisher_id"]);
            Assert.Equal(sent[i].Payload.Id.ToString(), (string?)envelope["payload"]!["id"]);
            // oslo's amqp1 driver adds no _unique_id (only its AMQP 0-9-1 driver does), and neither do we.
            Assert.Null(envelope["_unique_id"]);
        }
    }

    [Fact]
    public async Task What_oslo_sends_over_AMQP_1_0_reaches_the_typed_handler_of_the_listener()
    {
        var exchange = Names.Unique("glance");
        var received = new ConcurrentQueue<Notification<ImagePayload>>();
        var dispatcher = new NotificationDispatcher(QpidEmitters.Reader).On(GlanceEvents.Image.Update, (n, _) =>
        {
            received.Enqueue(n);
            return ValueTask.CompletedTask;
        });
        await using var listener = new QpidNotificationListener(QpidEmitters.ListenerOptions(broker, exchange, "notifications"), QpidEmitters.Reader, dispatcher);
        await listener.StartAsync();

        var fixture = JsonNode.Parse(Repository.ReadFixture("glance", "image.update.json"))!;
        var envelopes = Enumerable.Range(0, 5).Select(i =>
        {
            var envelope = fixture.DeepClone();
            envelope["message_id"] = $"00000000-0000-4000-8000-00000000000{i}";
            return envelope.ToJsonString();
        }).ToList();
        await using var peer = PeerProcess.Python("proton_send.py", "--url", broker.AmqpUrl, "--exchange", exchange, "--topic", "notifications");
        await peer.WriteLinesAsync(envelopes);
        Assert.Equal(0, await peer.WaitForExitAsync(TimeSpan.FromMinutes(2)));
        Assert.Contains("SENT 5", peer.Lines);

        await Eventually.TrueAsync(() => received.Count == 5, TimeSpan.FromMinutes(2), () => $"listener {listener.Statistics}");
        Assert.Equal(envelopes.Select(e => (string?)JsonNode.Parse(e)!["message_id"]), received.Select(n => n.Header.MessageId));
        var expected = QpidEmitters.ImageUpdate();
        Assert.All(received, n =>
        {
            Assert.Equal(expected.Id, n.Payload.Id);
            Assert.Equal(expected.Name, n.Payload.Name);
            Assert.Equal((string?)fixture["publisher_id"], n.Header.PublisherId);
        });
        // A message counts as handled once it is settled, a moment after its handler returned.
        await Eventually.TrueAsync(() => listener.Statistics.Handled == 5, TimeSpan.FromMinutes(2), () => $"listener {listener.Statistics}");
    }
}
