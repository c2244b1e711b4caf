using System.Text;
using System.Text.Json.Nodes;
using VersionedNotifications.OpenStack;
using VersionedNotifications.OpenStack.Glance;
using VersionedNotifications.OpenStack.Ironic;
using VersionedNotifications.Tests.Infrastructure;
using VersionedNotifications.Wire;

namespace VersionedNotifications.Tests.Wire;

/// <summary>Every form of the wire that the seeds, the real code and other producers use.</summary>
public sealed class WireVariantTests
{
    private static readonly NotificationReader Reader = new(OpenStackJsonContext.Default);

    private static Notification<T> Decode<T>(byte[] message)
        where T : class
    {
        var result = Reader.Read(message);
        var decoded = Assert.IsType<DecodedNotification>(result);
        return Assert.IsType<Notification<T>>(decoded.Notification);
    }

    [Theory]
    [InlineData("2016-01-27 20:41:09.250000", "2016-01-27T20:41:09.2500000+00:00")]
    [InlineData("2016-01-27 20:41:09", "2016-01-27T20:41:09.0000000+00:00")]
    [InlineData("2016-01-27T20:41:09Z", "2016-01-27T20:41:09.0000000+00:00")]
    [InlineData("2016-01-27T20:41:09.123456+00:00", "2016-01-27T20:41:09.1234560+00:00")]
    [InlineData("2016-01-27T22:41:09+02:00", "2016-01-27T20:41:09.0000000+00:00")]
    public void Envelope_timestamps_are_read_in_every_form(string wire, string expectedUtc)
    {
        var message = Messages.PowerSetStart();
        message["timestamp"] = wire;

        var notification = Decode<NodeSetPowerStatePayload>(Messages.Bytes(message));

        Assert.Equal(DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), notification.Header.Timestamp);
        Assert.Equal(TimeSpan.Zero, notification.Header.Timestamp.UtcDateTime - DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture).UtcDateTime);
    }

    [Theory]
    [InlineData("2016-01-26T20:41:03+00:00")]
    [InlineData("2016-01-26T20:41:03Z")]
    [InlineData("2016-01-26 20:41:03")]
    [InlineData("2016-01-26T20:41:03.000000Z")]
    public void Payload_datetimes_are_read_in_every_form_and_written_as_oslo_does(string wire)
    {
        var message = Messages.PowerSetStart();
        Messages.Data(message)["created_at"] = wire;

        var notification = Decode<NodeSetPowerStatePayload>(Messages.Bytes(message));

        Assert.Equal(new DateTimeOffset(2016, 1, 26, 20, 41, 3, TimeSpan.Zero), notification.Payload.CreatedAt);
        var written = Encoding.UTF8.GetString(NotificationWriter.Write(notification, MessageFormat.MessagingV1));
        Assert.Contains("\"created_at\": \"2016-01-26T20:41:03Z\"", written);
    }

    [Fact]
    public void The_envelope_timestamp_is_written_as_python_prints_a_naive_utc_datetime()
    {
        Assert.Equal("2024-01-02 03:04:05.678901", OsloTime.FormatEnvelope(new DateTimeOffset(2024, 1, 2, 5, 4, 5, TimeSpan.FromHours(2)).AddTicks(6789010)));
        Assert.Equal("2024-01-02 03:04:05", OsloTime.FormatEnvelope(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero)));
        Assert.Equal("2024-01-02 03:04:05.7500001", OsloTime.FormatEnvelope(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(7500001)));
        Assert.Equal("2024-01-01T10:00:00Z", OsloTime.FormatPayload(new DateTimeOffset(2024, 1, 1, 11, 0, 0, TimeSpan.FromHours(1))));
        // Python's str() of a datetime pads the year to four digits, unlike strftime's %Y.
        Assert.Equal("0005-12-31 23:59:59.000001", OsloTime.FormatEnvelope(new DateTimeOffset(5, 12, 31, 23, 59, 59, TimeSpan.Zero).AddTicks(10)));
    }

    [Theory]
    [InlineData(1, "1-01-02T03:04:05Z")]
    [InlineData(5, "5-01-02T03:04:05Z")]
    [InlineData(99, "99-01-02T03:04:05Z")]
    [InlineData(999, "999-01-02T03:04:05Z")]
    [InlineData(1000, "1000-01-02T03:04:05Z")]
    [InlineData(9999, "9999-01-02T03:04:05Z")]
    public void A_payload_year_before_1000_is_written_unpadded_as_glibc_strftime_writes_it_and_read_back(int year, string text)
    {
        var value = new DateTimeOffset(year, 1, 2, 3, 4, 5, TimeSpan.Zero);

        Assert.Equal(text, OsloTime.FormatPayload(value));
        Assert.True(OsloTime.TryParse(text, out var read));
        Assert.Equal(value, read);
    }

    [Theory]
    [InlineData("2016-13-01T00:00:00Z")]
    [InlineData("2016-02-30T00:00:00Z")]
    [InlineData("2016-01-01T24:00:00Z")]
    [InlineData("2016-01-01")]
    [InlineData("2016-01-01T00:00:00+25:00")]
    [InlineData("2016-01-01T00:00:00.12345678Z")]
    [InlineData("yesterday")]
    public void Impossible_datetimes_are_rejected(string text) => Assert.False(OsloTime.TryParse(text, out _));

    [Theory]
    [InlineData("INFO", NotificationPriority.Info)]
    [InlineData("info", NotificationPriority.Info)]
    [InlineData("WARN", NotificationPriority.Warn)]
    [InlineData("warning", NotificationPriority.Warn)]
    [InlineData("WARNING", NotificationPriority.Warn)]
    [InlineData("Error", NotificationPriority.Error)]
    [InlineData("critical", NotificationPriority.Critical)]
    public void Priorities_are_read_in_any_case(string wire, NotificationPriority expected)
    {
        var message = Messages.PowerSetStart();
        message["priority"] = wire;

        Assert.Equal(expected, Decode<NodeSetPowerStatePayload>(Messages.Bytes(message)).Priority);
    }

    [Fact]
    public void Priorities_are_written_upper_case_with_WARN_for_warning()
    {
        Assert.Equal(["DEBUG", "INFO", "WARN", "ERROR", "CRITICAL", "AUDIT", "SAMPLE"], Enum.GetValues<NotificationPriority>().Select(PriorityNames.ToWire));
        Assert.Equal("warn", PriorityNames.ToRoutingSuffix(NotificationPriority.Warn));
    }

    [Fact]
    public void The_v2_body_carries_the_envelope_as_a_json_string_with_unique_id_and_context()
    {
        var envelope = Messages.PowerSetStart();
        envelope["_unique_id"] = "0123456789abcdef0123456789abcdef";
        envelope["_context_request_id"] = "req-1";
        envelope["_context_roles"] = new JsonArray("admin", "member");

        var notification = Decode<NodeSetPowerStatePayload>(Messages.V2(envelope));

        Assert.Equal("0123456789abcdef0123456789abcdef", notification.Header.UniqueId);
        Assert.Equal("req-1", notification.Header.Context["request_id"].GetString());
        Assert.Equal(2, notification.Header.Context["roles"].GetArrayLength());

        var written = NotificationWriter.Write(notification, MessageFormat.MessagingV2, new PayloadWriteOptions { MaskSecrets = false });
        var body = JsonNode.Parse(written)!.AsObject();
        Assert.Equal(["oslo.version", "oslo.message"], body.Select(p => p.Key));
        Assert.Equal("2.0", body["oslo.version"]!.GetValue<string>());
        var inner = JsonNode.Parse(body["oslo.message"]!.GetValue<string>())!.AsObject();
        Assert.Equal(["message_id", "publisher_id", "event_type", "priority", "payload", "timestamp", "_unique_id", "_context_request_id", "_context_roles"], inner.Select(p => p.Key));
        Assert.Equal("0123456789abcdef0123456789abcdef", inner["_unique_id"]!.GetValue<string>());
    }

    [Fact]
    public void A_v2_write_adds_a_unique_id_when_there_is_none_and_a_v1_write_does_not()
    {
        var notification = Decode<NodeSetPowerStatePayload>(Fixtures.Read("ironic", "baremetal.node.power_set.start.json"));

        var v2 = JsonNode.Parse(JsonNode.Parse(NotificationWriter.Write(notification))!["oslo.message"]!.GetValue<string>())!;
        var v1 = JsonNode.Parse(NotificationWriter.Write(notification, MessageFormat.MessagingV1))!;

        Assert.Matches("^[0-9a-f]{32}$", v2["_unique_id"]!.GetValue<string>());
        Assert.Null(v1["_unique_id"]);
    }

    [Fact]
    public void Unknown_envelope_keys_are_kept_and_written_back()
    {
        var message = Messages.PowerSetStart();
        message["x_trace"] = new JsonObject { ["span"] = 7 };

        var notification = Decode<NodeSetPowerStatePayload>(Messages.Bytes(message));

        Assert.Equal(7, notification.Header.ExtensionData["x_trace"].GetProperty("span").GetInt32());
        Assert.Contains("\"x_trace\": {\"span\": 7}", Encoding.UTF8.GetString(NotificationWriter.Write(notification, MessageFormat.MessagingV1)));
    }

    [Fact]
    public void Glance_payloads_are_plain_objects_and_its_error_payloads_plain_text()
    {
        var image = Decode<ImagePayload>(Fixtures.Read("glance", "image.create.json"));
        Assert.Null(image.Payload.WireState);

        var text = Decode<string>(Fixtures.Read("glance", "image.upload.error-text.json"));
        Assert.Equal(NotificationPriority.Error, text.Priority);
        Assert.False(string.IsNullOrEmpty(text.Payload));
        var written = JsonNode.Parse(NotificationWriter.Write(text, MessageFormat.MessagingV1))!;
        Assert.Equal(text.Payload, written["payload"]!.GetValue<string>());
    }

    [Fact]
    public void A_text_payload_at_a_priority_that_carries_an_object_is_malformed()
    {
        var message = Messages.Fixture("glance", "image.upload.json");
        message["payload"] = "Image storage media is full";

        var result = Assert.IsType<MalformedNotification>(Reader.Read(Messages.Bytes(message)));

        Assert.Equal("$.payload", result.JsonPath);
        Assert.Contains("ImageUploadPayload", result.Reason);
    }

    [Fact]
    public void Changes_read_are_written_back_and_made_only_when_asked()
    {
        var message = Messages.PowerSetStart();
        message["payload"]!["ironic_object.changes"] = new JsonArray("power_state", "to_power");

        var notification = Decode<NodeSetPowerStatePayload>(Messages.Bytes(message));

        Assert.Equal(["power_state", "to_power"], notification.Payload.WireState!.Changes!);
        foreach (var options in new[] { PayloadWriteOptions.Default, new PayloadWriteOptions { WriteChanges = true } })
        {
            var written = JsonNode.Parse(NotificationWriter.Write(notification, MessageFormat.MessagingV1, options))!;
            Assert.Equal("[\"power_state\",\"to_power\"]", written["payload"]!["ironic_object.changes"]!.ToJsonString());
        }

        var unchanged = Decode<NodeSetPowerStatePayload>(Messages.Bytes(Messages.PowerSetStart()));
        Assert.DoesNotContain("ironic_object.changes", Encoding.UTF8.GetString(NotificationWriter.Write(unchanged, MessageFormat.MessagingV1)));

        var fresh = notification.Payload with { WireState = null };
        var freshChanges = JsonNode.Parse(NotificationWriter.Write(Notification.Create(notification.Header, fresh), MessageFormat.MessagingV1, new PayloadWriteOptions { WriteChanges = true }))!;
        Assert.Equal(Messages.Data(Messages.PowerSetStart()).Count, freshChanges["payload"]!["ironic_object.changes"]!.AsArray().Count);
    }

    [Fact]
    public void Keys_may_come_in_any_order()
    {
        var message = Messages.PowerSetStart();
        var reordered = new JsonObject();
        foreach (var key in message.Select(p => p.Key).Reverse().ToList())
        {
            var value = message[key]!.DeepClone();
            if (key == "payload")
            {
                var payload = new JsonObject();
                foreach (var inner in value.AsObject().Select(p => p.Key).Reverse().ToList())
                {
                    payload[inner] = value[inner]!.DeepClone();
                }

                value = payload;
            }

            reordered[key] = value;
        }

        Assert.Equal("power off", Decode<NodeSetPowerStatePayload>(Messages.Bytes(reordered)).Payload.PowerState);
    }

    [Fact]
    public void The_json_context_serializes_payloads_in_the_oslo_form()
    {
        var notification = Decode<NodeSetPowerStatePayload>(Fixtures.Read("ironic", "baremetal.node.power_set.start.json"));

        var json = System.Text.Json.JsonSerializer.Serialize(notification.Payload, OpenStackJsonContext.Default.NodeSetPowerStatePayload);
        var back = System.Text.Json.JsonSerializer.Deserialize(json, OpenStackJsonContext.Default.NodeSetPowerStatePayload)!;

        Assert.StartsWith("{\"ironic_object.name\":\"NodeSetPowerStatePayload\",\"ironic_object.namespace\":\"ironic\",\"ironic_object.version\":\"1.16\",\"ironic_object.data\":{", json);
        Assert.Equal(notification.Payload.Uuid, back.Uuid);
        Assert.Equal(notification.Payload.Traits, back.Traits);
        Assert.Equal(json, System.Text.Json.JsonSerializer.Serialize(back, OpenStackJsonContext.Default.NodeSetPowerStatePayload));
    }

    [Fact]
    public void The_json_context_reads_whole_notifications_by_event_type()
    {
        var bytes = Fixtures.Read("ironic", "baremetal.port.update.end.json");

        var notification = System.Text.Json.JsonSerializer.Deserialize(bytes, OpenStackJsonContext.Default.Notification)!;

        Assert.IsType<Notification<PortCRUDPayload>>(notification);
        var written = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(notification, OpenStackJsonContext.Default.Notification);
        FixtureRoundTripTests.AssertSameJson(bytes, written);
        var broken = Messages.Fixture("ironic", "baremetal.port.update.end.json");
        broken["event_type"] = "baremetal.port.explode.end";
        var error = Assert.ThrowsAny<System.Text.Json.JsonException>(() => System.Text.Json.JsonSerializer.Deserialize(Messages.Bytes(broken), OpenStackJsonContext.Default.Notification));
        Assert.Contains("baremetal.port.explode.end", error.Message);
    }

    [Fact]
    public void The_context_lists_every_event_type_and_payload_of_the_definitions()
    {
        INotificationContracts contracts = OpenStackJsonContext.Default;

        Assert.Equal(92 + 33 + 36, contracts.EventTypes.Count);
        Assert.Contains(contracts.Payloads, p => p.PayloadType == typeof(NodeSetPowerStatePayload));
        Assert.Contains(contracts.Payloads, p => p.PayloadType == typeof(ImageSendPayload));
        Assert.Equal(contracts.Payloads.Count, contracts.Payloads.Select(p => p.PayloadType).Distinct().Count());
    }

    [Fact]
    public void New_notifications_are_stamped_to_the_microsecond_as_oslo_stamps_them()
    {
        var header = NotificationHeader.New("backup.create.start", NotificationPriority.Info, "backup-api.host-1");

        Assert.Equal(0, header.Timestamp.UtcTicks % 10);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{6})?$", OsloTime.FormatEnvelope(header.Timestamp));
        Assert.Equal(TimeSpan.Zero, header.Timestamp.Offset);
    }

    [Fact]
    public void Writing_to_a_reused_buffer_allocates_nothing_in_steady_state()
    {
        var notification = Decode<NodeSetPowerStatePayload>(Fixtures.Read("ironic", "baremetal.node.power_set.start.json"));
        var stamped = Notification.Create(notification.Header with { UniqueId = "0123456789abcdef0123456789abcdef" }, notification.Payload);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(8192);
        for (var i = 0; i < 10; i++)
        {
            buffer.ResetWrittenCount();
            NotificationWriter.Write(buffer, stamped);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            buffer.ResetWrittenCount();
            NotificationWriter.Write(buffer, stamped);
        }

        // The envelope, the writers, every datetime, the flexible dicts and the payload's version cost nothing.
        var perWrite = (GC.GetAllocatedBytesForCurrentThread() - before) / 100.0;
        Assert.True(perWrite == 0, $"{perWrite} bytes allocated per write");
    }
}
