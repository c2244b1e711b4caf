using System.Text;
using VersionedNotifications.OpenStack;
using VersionedNotifications.OpenStack.Ironic;
using VersionedNotifications.Tests.Infrastructure;
using Xunit.Abstractions;

namespace VersionedNotifications.Tests.Wire;

/// <summary>
/// What a message costs to read stays in proportion to its size, whatever its shape. Measured in bytes
/// allocated by the reading thread, which unlike time is the same on every run and every machine.
/// </summary>
public sealed class ReadMemoryTests(ITestOutputHelper output)
{
    /// <summary>
    /// The most a read may allocate per message byte: the default limit of 16, plus what the step that
    /// crosses it takes (at worst a dictionary of unknown fields growing, which doubles its table).
    /// </summary>
    private const int MaxBytesPerMessageByte = 24;

    private const int Size = 15 * 1024 * 1024;

    private static readonly NotificationReader Reader = new(OpenStackJsonContext.Default);

    private static string Template() => Encoding.UTF8.GetString(Fixtures.Compact("ironic", "baremetal.deploytemplate.create.end.json"));

    private static string NodeUpdate() => Encoding.UTF8.GetString(Fixtures.Compact("ironic", "baremetal.node.update.end.json"));

    /// <summary><paramref name="json"/> with <paramref name="count"/> times <paramref name="unit"/> written right after <paramref name="anchor"/>.</summary>
    private static byte[] Padded(string json, string anchor, string unit, int count)
    {
        var at = json.IndexOf(anchor, StringComparison.Ordinal) + anchor.Length;
        var builder = new StringBuilder(json.Length + (unit.Length * count));
        builder.Append(json, 0, at);
        for (var i = 0; i < count; i++)
        {
            builder.Append(unit);
        }

        builder.Append(json, at, json.Length - at);
        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    private (NotificationReadResult Result, long Allocated) Measure(byte[] message)
    {
        Reader.Read(message.AsMemory(0, 2));
        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = Reader.Read(message);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        output.WriteLine($"{message.Length} bytes: {allocated} allocated ({(double)allocated / message.Length:0.0} per byte), {result}");
        return (result, allocated);
    }

    [Fact]
    public void Fifteen_megabytes_of_empty_dicts_in_a_list_stop_at_the_memory_limit_with_the_place()
    {
        var message = Padded(Template(), "\"steps\":[", "{},", Size / 3);

        var (result, allocated) = Measure(message);

        var malformed = Assert.IsType<MalformedNotification>(result);
        Assert.StartsWith("$.payload['ironic_object.data'].steps[", malformed.JsonPath);
        Assert.Contains("memory limit", malformed.Reason);
        Assert.InRange(allocated, 0, (long)MaxBytesPerMessageByte * message.Length);
    }

    [Fact]
    public void A_million_unknown_payload_fields_stop_at_the_memory_limit()
    {
        var fields = new StringBuilder();
        for (var i = 0; i < 1_000_000; i++)
        {
            fields.Append("\"f").Append(i).Append("\":0,");
        }

        var message = Padded(NodeUpdate(), "\"ironic_object.data\":{", fields.ToString(), 1);

        var (result, allocated) = Measure(message);

        Assert.Contains("memory limit", Assert.IsType<MalformedNotification>(result).Reason);
        Assert.InRange(allocated, 0, (long)MaxBytesPerMessageByte * message.Length);
    }

    [Fact]
    public void Fifteen_megabytes_of_one_flexible_dict_read_within_a_few_bytes_per_byte()
    {
        var keys = new StringBuilder();
        for (var i = 0; keys.Length < Size; i++)
        {
            keys.Append("\"k").Append(i).Append("\":\"some value\",");
        }

        var message = Padded(NodeUpdate(), "\"properties\":{", keys.ToString(), 1);

        var (result, allocated) = Measure(message);

        var payload = Assert.IsType<Notification<NodeCRUDPayload>>(Assert.IsType<DecodedNotification>(result).Notification).Payload;
        Assert.True(payload.Properties!.ContainsKey("k0"));
        Assert.InRange(allocated, 0, 8L * message.Length);
    }

    [Fact]
    public void Fifteen_megabytes_of_a_list_of_strings_read_within_the_limit()
    {
        var message = Padded(NodeUpdate(), "\"traits\":[", "\"CUSTOM_TRAIT\",", Size / 15);

        var (result, allocated) = Measure(message);

        Assert.IsType<DecodedNotification>(result);
        Assert.InRange(allocated, 0, 16L * message.Length);
    }

    [Fact]
    public void An_ordinary_message_reads_far_below_the_allowance()
    {
        var (result, allocated) = Measure(Fixtures.Compact("ironic", "baremetal.node.update.end.json"));

        Assert.IsType<DecodedNotification>(result);
        Assert.InRange(allocated, 0, NotificationReaderOptions.Default.MemoryAllowanceBytes / 16);
    }

    [Fact]
    public void A_v2_body_costs_no_copy_of_its_inner_message_to_read()
    {
        var read = Assert.IsType<DecodedNotification>(Reader.Read(Fixtures.Compact("ironic", "baremetal.node.power_set.start.json"))).Notification;
        var v1 = NotificationWriter.Write(read, MessageFormat.MessagingV1);
        var v2 = NotificationWriter.Write(read, MessageFormat.MessagingV2);
        for (var i = 0; i < 10; i++)
        {
            Reader.Read(v1);
            Reader.Read(v2);
        }

        var (fromV1, allocatedV1) = Measure(v1);
        var (fromV2, allocatedV2) = Measure(v2);

        // The v2 body holds the v1 envelope (with a _unique_id) as an escaped string; unwrapping it into a
        // pooled buffer, in one pass over the body, leaves no copy of the ~2 KB message and no string of the outer
        // keys or the version (128 bytes more when they were made): 160 bytes in all, 88 of them the _unique_id.
        Assert.IsType<DecodedNotification>(fromV1);
        Assert.IsType<DecodedNotification>(fromV2);
        Assert.InRange(allocatedV2 - allocatedV1, 0, 160);
    }

    [Fact]
    public void Datetimes_and_the_priority_are_parsed_without_a_string()
    {
        var message = Messages.PowerSetStart();
        var data = Messages.Data(message);
        var withTimes = Messages.Bytes(message);
        foreach (var name in new[] { "created_at", "updated_at", "provision_updated_at" })
        {
            data[name] = null;
        }

        var withoutTimes = Messages.Bytes(message);
        for (var i = 0; i < 10; i++)
        {
            Reader.Read(withTimes);
            Reader.Read(withoutTimes);
        }

        var (read, allocatedWithTimes) = Measure(withTimes);
        var (_, allocatedWithoutTimes) = Measure(withoutTimes);

        // A DateTimeOffset is a value: three of them cost the record nothing more than three nulls. Each string
        // made to be parsed would cost some 60 bytes, as would the envelope's timestamp and priority.
        Assert.IsType<DecodedNotification>(read);
        Assert.Equal(allocatedWithoutTimes, allocatedWithTimes);
    }

    [Fact]
    public void A_read_keeps_its_values_when_the_next_read_reuses_the_pooled_inner_message()
    {
        var read = Assert.IsType<DecodedNotification>(Reader.Read(Fixtures.Compact("ironic", "baremetal.node.power_set.start.json"))).Notification;
        var first = (Notification<NodeSetPowerStatePayload>)Assert.IsType<DecodedNotification>(Reader.Read(NotificationWriter.Write(read))).Notification;
        var expected = Encoding.UTF8.GetString(NotificationWriter.Write(first));

        var other = Notification.Create(first.Header with { MessageId = new string('m', 36) }, first.Payload with
        {
            Extra = new System.Text.Json.Nodes.JsonObject { ["overwritten"] = new string('x', 4000) },
        });
        Assert.IsType<DecodedNotification>(Reader.Read(NotificationWriter.Write(other)));

        Assert.Equal(expected, Encoding.UTF8.GetString(NotificationWriter.Write(first)));
    }

    [Fact]
    public void A_v2_body_with_a_second_unreadable_inner_message_gives_each_pooled_array_back_once()
    {
        var inner = Encoding.UTF8.GetString(Fixtures.Compact("ironic", "baremetal.node.power_set.start.json"));
        var escaped = System.Text.Json.JsonSerializer.Serialize(inner);
        var body = Encoding.UTF8.GetBytes($$"""{"oslo.version": "2.0", "oslo.message": {{escaped}}, "oslo.message": "\ud800 {{new string('x', 4 * inner.Length)}}"}""");

        var result = Reader.Read(body);

        // An array given back twice would be handed out twice: two rents of the first inner message's size (the
        // second is larger, so its array comes from another bucket of the pool) would share it.
        Assert.IsType<MalformedNotification>(result);
        var first = System.Buffers.ArrayPool<byte>.Shared.Rent(escaped.Length);
        var second = System.Buffers.ArrayPool<byte>.Shared.Rent(escaped.Length);
        Assert.NotSame(first, second);
        System.Buffers.ArrayPool<byte>.Shared.Return(first);
        System.Buffers.ArrayPool<byte>.Shared.Return(second);
    }
}
