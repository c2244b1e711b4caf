using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using VersionedNotifications.OpenStack.Glance;
using VersionedNotifications.OpenStack.Ironic;
using VersionedNotifications.RabbitMQ.Tests.Infrastructure;
using VersionedNotifications.Wire;
using GlanceEvents = VersionedNotifications.OpenStack.Glance.EventTypes;
using IronicEvents = VersionedNotifications.OpenStack.Ironic.EventTypes;

namespace VersionedNotifications.RabbitMQ.Tests.Interop;

/// <summary>
/// Both ways with the real oslo.messaging 14.0.3 (Debian's python3-oslo.messaging, run by /usr/bin/python3)
/// over the real broker: oslo's Notifier(driver='messagingv2') to our listener, our notifier to oslo's
/// notification listener, and the AMQP properties and topology of both side by side.
/// </summary>
[Collection(BrokerCollection.Name)]
public sealed class OsloInteropTests(Broker broker)
{
    private static readonly (string Service, string File)[] Fixtures =
    [
        ("ironic", "baremetal.node.power_set.start.json"),
        ("ironic", "baremetal.node.create.error.json"),
        ("glance", "image.update.json"),
        ("glance", "image.upload.error-text.json"),
    ];

    [Fact]
    public async Task Oslo_s_notifier_to_our_listener_gives_typed_payloads_with_every_value()
    {
        var exchange = Names.Unique("ironic");
        var topic = Names.Unique("ironic_versioned_notifications");
        var received = new ConcurrentQueue<DecodedNotification>();
        var others = new ConcurrentQueue<NotificationReadResult>();
        var dispatcher = new NotificationDispatcher(Emitters.Reader).OnUnhandled((result, _) =>
        {
            if (result is DecodedNotification decoded)
            {
                received.Enqueue(decoded);
            }
            else
            {
                others.Enqueue(result);
            }

            return ValueTask.CompletedTask;
        });
        await using var listener = new RabbitMQNotificationListener(Emitters.ListenerOptions(broker, exchange, topic), Emitters.Reader, dispatcher);
        await listener.StartAsync();

        await using var oslo = PeerProcess.Python("oslo_notify.py", "--url", broker.Url, "--exchange", exchange, "--topic", topic);
        await oslo.WriteLinesAsync(Fixtures.Select(f => OsloRequest(f.Service, f.File)));
        Assert.Equal(0, await oslo.WaitForExitAsync(TimeSpan.FromMinutes(1)));
        await Eventually.TrueAsync(() => received.Count + others.Count == Fixtures.Length, TimeSpan.FromMinutes(2), () => $"{received.Count} decoded, {string.Join("; ", others)}");

        Assert.Empty(others);
        var byEvent = received.ToDictionary(d => d.Notification.EventType + " " + d.Notification.Priority);
        Assert.IsType<Notification<NodeSetPowerStatePayload>>(byEvent["baremetal.node.power_set.start Info"].Notification);
        Assert.IsType<Notification<NodeCRUDPayload>>(byEvent["baremetal.node.create.error Error"].Notification);
        Assert.IsType<Notification<ImagePayload>>(byEvent["image.update Info"].Notification);
        Assert.Equal("Failed to upload image data", Assert.IsType<Notification<string>>(byEvent["image.upload Error"].Notification).Payload[..27]);
        foreach (var (service, file) in Fixtures)
        {
            var fixture = JsonNode.Parse(Repository.ReadFixture(service, file))!;
            var decoded = byEvent[fixture["event_type"]!.GetValue<string>() + " " + (PriorityNames.TryParse(fixture["priority"]!.GetValue<string>(), out var p) ? p : default)];
            var header = decoded.Notification.Header;
            Assert.Equal(MessageFormat.MessagingV2, decoded.Format);
            Assert.Equal(fixture["publisher_id"]!.GetValue<string>(), header.PublisherId);
            Assert.Equal("req-" + file, header.Context["request_id"].GetString());
            Assert.Matches("^[0-9a-f]{32}$", header.UniqueId);
            Assert.True(JsonNode.DeepEquals(fixture["payload"], WrittenPayload(decoded.Notification)), $"{file}: the payload changed on the way");
        }
    }

    [Fact]
    public async Task Our_notifier_to_oslo_s_listener_gives_oslo_the_event_type_priority_publisher_and_payload()
    {
        var exchange = Names.Unique("ironic");
        var topic = Names.Unique("ironic_versioned_notifications");
        await using var oslo = PeerProcess.Python("oslo_listen.py", "--url", broker.Url, "--exchange", exchange, "--topic", topic, "--count", "3", "--timeout", "60");
        await oslo.WaitForLineAsync(line => line == "READY", TimeSpan.FromMinutes(1));
        var capture = new VersionedNotifications.Drivers.CaptureNotificationDriver();
        await using var driver = new RabbitMQNotificationDriver(Emitters.DriverOptions(broker, exchange));
        using var notifier = new Notifier(Emitters.NotifierOptions(topic), [driver, capture]);

        await notifier.EmitAsync(IronicEvents.Baremetal.Node.PowerSet.Start, Emitters.PowerSetStart());
        await notifier.EmitAsync(GlanceEvents.Image.Update, Emitters.ImageUpdate());
        await notifier.EmitTextAsync(GlanceEvents.Image.Upload, NotificationPriority.Error, "Failed to upload image data");
        await notifier.FlushAsync();
        Assert.Equal(0, await oslo.WaitForExitAsync(TimeSpan.FromMinutes(1)));

        var seen = oslo.Lines.Where(l => l.StartsWith('{')).Select(l => JsonNode.Parse(l)!).ToDictionary(n => n["event_type"]!.GetValue<string>());
        Assert.Equal(3, seen.Count);
        foreach (var sent in capture.Captured)
        {
            var envelope = JsonNode.Parse(sent.Envelope.Span)!;
            var got = seen[sent.EventType];
            Assert.Equal(PriorityNames.ToRoutingSuffix(sent.Priority), got["priority"]!.GetValue<string>());
            Assert.Equal("ironic-conductor.test-host", got["publisher_id"]!.GetValue<string>());
            Assert.Equal(sent.MessageId, got["metadata"]!["message_id"]!.GetValue<string>());
            Assert.Equal(envelope["timestamp"]!.GetValue<string>(), got["metadata"]!["timestamp"]!.GetValue<string>());
            Assert.True(JsonNode.DeepEquals(envelope["payload"], got["payload"]), $"{sent.EventType}: oslo got {got["payload"]}");
        }
    }

    [Fact]
    public async Task Our_messages_carry_the_AMQP_properties_oslo_s_carry()
    {
        var exchange = Names.Unique("openstack");
        var osloTopic = Names.Unique("oslo");
        var ourTopic = Names.Unique("ours");
        await using (var oslo = PeerProcess.Python("oslo_notify.py", "--url", broker.Url, "--exchange", exchange, "--topic", osloTopic))
        {
            await oslo.WriteLinesAsync([OsloRequest("ironic", "baremetal.node.power_set.start.json")]);
            Assert.Equal(0, await oslo.WaitForExitAsync(TimeSpan.FromMinutes(1)));
        }

        await using (var driver = new RabbitMQNotificationDriver(Emitters.DriverOptions(broker, exchange)))
        {
            using var notifier = new Notifier(Emitters.NotifierOptions(ourTopic), [driver]);
            await notifier.EmitAsync(IronicEvents.Baremetal.Node.PowerSet.Start, Emitters.PowerSetStart());
            await notifier.FlushAsync();
        }

        // Read both with py-amqp, the AMQP client under oslo's kombu, to see the properties as oslo's side sees them.
        await using var peek = PeerProcess.Python("amqp_peek.py", "--url", broker.Url, osloTopic + ".info", ourTopic + ".info");
        Assert.Equal(0, await peek.WaitForExitAsync(TimeSpan.FromMinutes(1)));
        var messages = peek.Lines.Select(l => JsonNode.Parse(l)!.AsObject()).ToArray();
        Assert.Equal(2, messages.Length);
        var (theirs, ours) = (messages[0], messages[1]);
        Assert.Equal(exchange, ours["exchange"]!.GetValue<string>());
        Assert.Equal(theirs["exchange"]!.GetValue<string>(), ours["exchange"]!.GetValue<string>());
        var theirProperties = theirs["properties"]!.AsObject();
        var ourProperties = ours["properties"]!.AsObject();
        Assert.Equal(["content_type", "content_encoding", "application_headers", "delivery_mode", "priority"], theirProperties.Select(p => p.Key));

        // kombu also sends priority 0, which RabbitMQ.Client cannot send on a confirming channel (see OsloMessageProperties); AMQP reads its absence as 0.
        Assert.Equal(0, theirProperties["priority"]!.GetValue<int>());
        theirProperties.Remove("priority");
        Assert.True(JsonNode.DeepEquals(theirProperties, ourProperties), $"oslo: {theirProperties}\nours: {ourProperties}");
        Assert.Equal(theirs["queue_durable"]!.ToJsonString(), ours["queue_durable"]!.ToJsonString());
    }

    [Fact]
    public async Task With_amqp_durable_queues_both_sides_declare_the_same_durable_topology()
    {
        var exchange = Names.Unique("openstack");
        var topic = Names.Unique("t");
        await using (var oslo = PeerProcess.Python("oslo_notify.py", "--url", broker.Url, "--exchange", exchange, "--topic", topic, "--durable"))
        {
            await oslo.WriteLinesAsync([OsloRequest("glance", "image.update.json")]);
            Assert.Equal(0, await oslo.WaitForExitAsync(TimeSpan.FromMinutes(1)));
        }

        var options = Emitters.DriverOptions(broker, exchange);
        options.DurableQueues = true;
        options.Retry = NotificationRetryPolicy.None;
        await using var driver = new RabbitMQNotificationDriver(options);
        using var notifier = new Notifier(Emitters.NotifierOptions(topic), [driver]);
        await notifier.EmitAsync(GlanceEvents.Image.Update, Emitters.ImageUpdate());
        await notifier.FlushAsync();

        Assert.Equal(1, driver.Statistics.Confirmed);
        Assert.Equal(2u, await BrokerQueues.CountAsync(broker, topic + ".info"));
    }

    /// <summary>A fixture as oslo_notify.py's input: what ironic or glance passed to the notifier.</summary>
    internal static string OsloRequest(string service, string file)
    {
        var fixture = JsonNode.Parse(Repository.ReadFixture(service, file))!;
        return new JsonObject
        {
            ["event_type"] = fixture["event_type"]!.GetValue<string>(),
            ["priority"] = fixture["priority"]!.GetValue<string>(),
            ["publisher_id"] = fixture["publisher_id"]!.GetValue<string>(),
            ["payload"] = fixture["payload"]!.DeepClone(),
            ["context"] = new JsonObject { ["request_id"] = "req-" + file, ["user"] = "admin" },
        }.ToJsonString();
    }

    private static JsonNode? WrittenPayload(Notification notification)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            NotificationWriter.WritePayload(writer, notification, new PayloadWriteOptions { MaskSecrets = false });
        }

        return JsonNode.Parse(buffer.WrittenSpan);
    }
}
