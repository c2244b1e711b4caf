using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using VersionedNotifications.OpenStack.Glance;
using VersionedNotifications.Qpid.Tests.Infrastructure;
using GlanceEvents = VersionedNotifications.OpenStack.Glance.EventTypes;

namespace VersionedNotifications.Qpid.Tests.Interop;

/// <summary>
/// oslo's request context travels beside the message over AMQP 1.0 (<c>{"request": ..., "context": ...}</c>)
/// and each side sees the context the other sent: oslo.messaging's real notification listener on its amqp1
/// driver (transport_url amqp://, on pyngus and Debian's python3-qpid-proton, <c>addressing_mode = legacy</c>
/// as an oslo service on RabbitMQ must run, see <see cref="QpidBroker"/>) reads what the driver sends, and
/// the listener reads what oslo's marshal_request makes.
/// </summary>
[Collection(QpidBrokerCollection.Name)]
public sealed class OsloAmqp1PeerTests(QpidBroker broker)
{
    private static readonly Dictionary<string, JsonElement> SentContext = new()
    {
        ["user"] = JsonSerializer.SerializeToElement("9f1c6a0f5b6d4f6e8a5e4a3b2c1d0e9f"),
        ["project_id"] = JsonSerializer.SerializeToElement("c0ffee0000000000000000000000beef"),
        ["request_id"] = JsonSerializer.SerializeToElement("req-6d3bd5c2-0c2f-4a57-9a3d-1c4c9e8b7a61"),
        ["is_admin"] = JsonSerializer.SerializeToElement(false),
        ["roles"] = JsonSerializer.SerializeToElement(new[] { "member", "reader" }),
    };

    [Fact]
    public async Task Oslo_s_amqp1_listener_sees_the_request_context_the_driver_sends()
    {
        var exchange = Names.Unique("glance");
        await using var oslo = PeerProcess.Python("oslo_listen.py", "--url", broker.AmqpUrl, "--exchange", exchange, "--topic", "notifications", "--count", "2", "--timeout", "60");
        await oslo.WaitForLineAsync(line => line == "READY", TimeSpan.FromMinutes(1));

        await using var driver = new QpidNotificationDriver(QpidEmitters.DriverOptions(broker, exchange));
        using var notifier = new Notifier(QpidEmitters.NotifierOptions("notifications"), [driver]);
        var payload = QpidEmitters.ImageUpdate();
        var withContext = Notification.Create(NotificationHeader.New(GlanceEvents.Image.Update.Name, NotificationPriority.Info, "glance-api.test-host") with { Context = SentContext }, payload);
        var withoutContext = QpidEmitters.NewImageUpdate(payload);
        await notifier.EmitAsync(withContext);
        await notifier.EmitAsync(withoutContext);
        await notifier.FlushAsync(CancellationToken.None);
        Assert.Equal(0, await oslo.WaitForExitAsync(TimeSpan.FromMinutes(1)));

        var seen = oslo.Lines.Where(line => line.StartsWith('{')).Select(line => JsonNode.Parse(line)!).ToDictionary(n => n["metadata"]!["message_id"]!.GetValue<string>());
        Assert.Equal(2, seen.Count);
        var expected = JsonSerializer.SerializeToNode(SentContext);
        Assert.True(JsonNode.DeepEquals(expected, seen[withContext.Header.MessageId]["context"]), $"oslo's listener got ctxt {seen[withContext.Header.MessageId]["context"]?.ToJsonString()}");
        Assert.Equal("{}", seen[withoutContext.Header.MessageId]["context"]!.ToJsonString());
        Assert.Equal("image.update", seen[withContext.Header.MessageId]["event_type"]!.GetValue<string>());
        Assert.Equal(payload.Id.ToString(), seen[withContext.Header.MessageId]["payload"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_listener_exposes_the_request_context_oslo_s_amqp1_marshal_request_sends()
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

        // oslo's own Notifier cannot send over RabbitMQ 3.10's plugin (its amqp1 controller attaches an RPC
        // reply link on a dynamic node, which the plugin refuses by ending the session, and the send fails
        // with "AMQP connection closed"); proton_send.py sends what it would, made by oslo's marshal_request
        // with the context {"user": "peer-user", "project_id": "peer-project"}.
        var fixture = JsonNode.Parse(Repository.ReadFixture("glance", "image.update.json"))!;
        await using (var peer = PeerProcess.Python("proton_send.py", "--url", broker.AmqpUrl, "--exchange", exchange, "--topic", "notifications"))
        {
            await peer.WriteLinesAsync([fixture.ToJsonString()]);
            Assert.Equal(0, await peer.WaitForExitAsync(TimeSpan.FromMinutes(1)));
        }

        await Eventually.TrueAsync(() => received.Count == 1, TimeSpan.FromMinutes(2), () => $"listener {listener.Statistics}");
        var got = Assert.Single(received);
        Assert.Equal(["peer-user", "peer-project"], new[] { "user", "project_id" }.Select(key => got.Header.Context.TryGetValue(key, out var value) ? value.GetString() : null));
        Assert.Equal(2, got.Header.Context.Count);
        Assert.Equal((string?)fixture["payload"]!["id"], got.Payload.Id.ToString());
    }
}
