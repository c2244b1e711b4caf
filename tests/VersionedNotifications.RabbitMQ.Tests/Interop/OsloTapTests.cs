using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using global::RabbitMQ.Client;
using VersionedNotifications.OpenStack.Nova;
using VersionedNotifications.RabbitMQ.Tests.Infrastructure;
using VersionedNotifications.Wire;

namespace VersionedNotifications.RabbitMQ.Tests.Interop;

/// <summary>
/// The same notification published by oslo.messaging 14.0.3's own Notifier (Debian's python3-oslo.messaging, the real
/// rabbit transport) and by our notifier with the RabbitMQ driver, as a user configures them, into one tap queue bound to
/// the exchange: the two bodies are the same bytes and the two messages carry the same AMQP properties. The message id,
/// timestamp, <c>_unique_id</c> and request context are the same on both sides (oslo's are forced by
/// tests/interop/oslo_notify_as.py, ours are the header's).
/// </summary>
[Collection(BrokerCollection.Name)]
public sealed class OsloTapTests(Broker broker)
{
    private const string UniqueId = "5f0ce1d5a7e94a8c9a8f0b6c1d2e3f40";

    [Theory]
    [InlineData(MessageFormat.MessagingV2, "messagingv2")]
    [InlineData(MessageFormat.MessagingV1, "messaging")]
    public async Task Oslo_s_notifier_and_ours_publish_the_same_bytes_with_the_same_properties(MessageFormat format, string osloDriver)
    {
        var (oslo, ours) = await PublishBothAsync(format, osloDriver, Context());

        AssertSameBytes(Body(oslo), Body(ours));
        Assert.Equal(oslo["exchange"]!.GetValue<string>(), ours["exchange"]!.GetValue<string>());
        Assert.Equal(oslo["routing_key"]!.GetValue<string>(), ours["routing_key"]!.GetValue<string>());
        // Every property kombu sets, as py-amqp reads it: content_type, content_encoding, delivery_mode, priority 0, an
        // empty header table, and nothing else.
        var osloProperties = oslo["properties"]!.ToJsonString();
        Assert.Equal("{\"application_headers\":{},\"content_encoding\":\"utf-8\",\"content_type\":\"application/json\",\"delivery_mode\":2,\"priority\":0}", osloProperties);
        // All but priority 0, which RabbitMQ.Client 7 cannot send (it counts 0 as absent; AMQP reads an absent priority
        // as 0): docs/wire-format.md lists it among what is not byte-identical.
        var ourProperties = ours["properties"]!.AsObject();
        Assert.False(ourProperties.ContainsKey("priority"), ourProperties.ToJsonString());
        ourProperties["priority"] = 0;
        Assert.Equal(osloProperties, new System.Text.Json.Nodes.JsonObject(ourProperties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))).ToJsonString());
    }

    [Fact]
    public async Task A_request_context_key_oslo_s_notifier_leaves_out_is_not_published_by_ours_either()
    {
        // oslo.messaging's Notifier passes on only the keys of notifier._sanitize_context (request_id, user, roles, ...);
        // a token in the request context never reaches the bus.
        var context = Context();
        context["auth_token"] = "gAAAAABsecret-token";
        context["service_token"] = "gAAAAABanother";

        var (oslo, ours) = await PublishBothAsync(MessageFormat.MessagingV2, "messagingv2", context);

        Assert.DoesNotContain("auth_token", Encoding.UTF8.GetString(Body(oslo)), StringComparison.Ordinal);
        AssertSameBytes(Body(oslo), Body(ours));
    }

    [Theory]
    [InlineData(MessageFormat.MessagingV2, "messagingv2")]
    [InlineData(MessageFormat.MessagingV1, "messaging")]
    public async Task Without_a_unique_id_given_ours_makes_one_where_oslo_s_driver_puts_its_own(MessageFormat format, string osloDriver)
    {
        // As a user emits: the header has no _unique_id. oslo's AMQP driver gives every message one (uuid4().hex) before
        // the request context, in both forms; ours must too, so that oslo's listeners can drop duplicates.
        var (oslo, ours) = await PublishBothAsync(format, osloDriver, Context(), ourUniqueId: false);

        var ourBody = Encoding.UTF8.GetString(Body(ours));
        var id = Regex.Match(ourBody, "_unique_id\\\\?\": \\\\?\"([0-9a-f]{32})\\\\?\"");
        Assert.True(id.Success, "no _unique_id of 32 hex digits in " + ourBody);
        AssertSameBytes(Body(oslo), Encoding.UTF8.GetBytes(ourBody.Replace(id.Groups[1].Value, UniqueId, StringComparison.Ordinal)));
    }

    private async Task<(JsonObject Oslo, JsonObject Ours)> PublishBothAsync(MessageFormat format, string osloDriver, JsonObject context, bool ourUniqueId = true)
    {
        var exchange = Names.Unique("nova");
        var topic = Names.Unique("versioned_notifications");
        var tap = Names.Unique("tap");
        await using (var connection = await broker.ConnectAsync())
        await using (var channel = await connection.CreateChannelAsync())
        {
            // The exchange as oslo's kombu declares it (topic, not durable, not auto-delete), so both sides may declare it again.
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Topic, durable: false, autoDelete: false);
            await channel.QueueDeclareAsync(tap, durable: false, exclusive: false, autoDelete: false);
            await channel.QueueBindAsync(tap, exchange, "#");
        }

        var payload = Emitters.Payload<InstanceUpdatePayload>("nova", "instance.update.json");
        var header = new NotificationHeader
        {
            MessageId = "0d8a5ac1-52b5-4fc4-8d27-6a4cc33c3c1b",
            PublisherId = "nova-compute:Ger\u00e4t-01 \u2603",
            EventType = "instance.update",
            Priority = NotificationPriority.Info,
            Timestamp = new DateTimeOffset(2026, 12, 7, 9, 59, 7, TimeSpan.Zero).AddTicks(1_352_540),
            UniqueId = UniqueId,
            Context = context.ToDictionary(p => p.Key, p => JsonSerializer.SerializeToElement(p.Value)),
        };

        await using (var oslo = PeerProcess.Python("oslo_notify_as.py", "--url", broker.Url, "--exchange", exchange, "--topic", topic, "--driver", osloDriver))
        {
            await oslo.WriteLinesAsync([OsloRequest(header, context)]);
            Assert.True(await oslo.WaitForExitAsync(TimeSpan.FromMinutes(2)) == 0, oslo.ToString());
        }

        // oslo's message is in the tap queue before ours is sent: the two come out in that order.
        Assert.Equal(1u, await BrokerQueues.CountAsync(broker, tap));

        var options = Emitters.DriverOptions(broker, exchange);
        options.Format = format;
        await using (var driver = new RabbitMQNotificationDriver(options))
        {
            using var notifier = new Notifier(Emitters.NotifierOptions(topic), [driver]);
            await notifier.EmitAsync(Notification.Create(ourUniqueId ? header : header with { UniqueId = null }, payload));
            await notifier.FlushAsync();
            Assert.Equal(1, driver.Statistics.Confirmed);
        }

        // Both read with py-amqp, the AMQP client under oslo's kombu, which shows the properties as oslo's side sees them.
        await using var peek = PeerProcess.Python("amqp_tap.py", "--url", broker.Url, "--count", "2", tap);
        Assert.True(await peek.WaitForExitAsync(TimeSpan.FromMinutes(1)) == 0, peek.ToString());
        var messages = peek.Lines.Select(l => JsonNode.Parse(l)!.AsObject()).ToArray();
        Assert.Equal(2, messages.Length);
        return (messages[0], messages[1]);
    }

    /// <summary>A request context as oslo.context's to_dict() has it, only keys oslo's Notifier passes on, with text json.dumps escapes.</summary>
    private static JsonObject Context() => new()
    {
        ["user"] = "3a0e7bd3b3a1445e9a9fbb2d2a0b6a5c",
        ["project_name"] = "Gr\u00fcn \"A\" \\ \U0001F600 \u0001\u007f",
        ["is_admin"] = true,
        ["request_id"] = "req-9e7f3a9e-8a55-4d6b-9a4c-3e1c5e0a2b71",
        ["roles"] = new JsonArray("reader", "member"),
        ["global_request_id"] = null,
        ["system_scope"] = null,
    };

    /// <summary>The notification as oslo_notify_as.py's input: the payload nova handed its Notifier (the fixture's), and the ids and time.</summary>
    private static string OsloRequest(NotificationHeader header, JsonObject context)
    {
        var fixture = JsonNode.Parse(Repository.ReadFixture("nova", "instance.update.json"))!;
        return new JsonObject
        {
            ["event_type"] = header.EventType,
            ["priority"] = "info",
            ["publisher_id"] = header.PublisherId,
            ["payload"] = fixture["payload"]!.DeepClone(),
            ["context"] = context.DeepClone(),
            ["message_id"] = header.MessageId,
            ["timestamp"] = header.Timestamp.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
            ["unique_id"] = header.UniqueId,
        }.ToJsonString();
    }

    private static byte[] Body(JsonObject message) => Convert.FromHexString(message["body"]!.GetValue<string>());

    private static void AssertSameBytes(byte[] oslo, byte[] ours)
    {
        if (oslo.AsSpan().SequenceEqual(ours))
        {
            return;
        }

        var at = oslo.AsSpan().CommonPrefixLength(ours);
        var from = Math.Max(0, at - 80);
        Assert.Fail(
            $"the bodies differ at byte {at}:\n" +
            $"oslo: ...{Encoding.UTF8.GetString(oslo, from, Math.Min(oslo.Length - from, 200))}\n" +
            $"ours: ...{Encoding.UTF8.GetString(ours, from, Math.Min(ours.Length - from, 200))}");
    }
}
