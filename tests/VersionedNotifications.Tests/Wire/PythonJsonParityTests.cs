using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using VersionedNotifications.OpenStack;
using VersionedNotifications.OpenStack.Ironic;
using VersionedNotifications.Tests.Infrastructure;
using VersionedNotifications.Wire;

namespace VersionedNotifications.Tests.Wire;

/// <summary>
/// What oslo can send, read and written as Python's json module does: NaN, Infinity and -Infinity where a
/// value is free-form, a byte order mark before a body. The expected texts are Python's own, made by
/// tests/fixtures/openstack/make_python_json_cases.py.
/// </summary>
public sealed class PythonJsonParityTests
{
    private static readonly NotificationReader Reader = new(OpenStackJsonContext.Default);

    private static readonly JsonElement Cases = JsonDocument.Parse(File.ReadAllBytes(Fixtures.PathOf("tests", "VersionedNotifications.Tests", "Fixtures", "python-json", "python-json-cases.json"))).RootElement;

    public static TheoryData<string, string> Dumps() => Rows(Cases.GetProperty("dumps"), c => (c.GetProperty("name").GetString()!, c.GetProperty("json").GetString()!));

    public static TheoryData<string, bool> Loads() => Rows(Cases.GetProperty("loads"), c => (c.GetProperty("text").GetString()!, c.GetProperty("accepted").GetBoolean()));

    private static TheoryData<T1, T2> Rows<T1, T2>(JsonElement cases, Func<JsonElement, (T1, T2)> row)
    {
        var data = new TheoryData<T1, T2>();
        foreach (var c in cases.EnumerateArray())
        {
            var (a, b) = row(c);
            data.Add(a, b);
        }

        return data;
    }

    /// <summary>The node update fixture with <paramref name="json"/> as its flexible dict <c>extra</c> and as an unknown field.</summary>
    private static byte[] NodeUpdateWith(string json)
    {
        var text = Encoding.UTF8.GetString(Fixtures.Compact("ironic", "baremetal.node.update.end.json"));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, "\"extra\":\\{\\}"));
        return Encoding.UTF8.GetBytes(text.Replace("\"extra\":{}", "\"extra\":" + json + ",\"x_newer\":" + json, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Dumps))]
    public void What_json_dumps_writes_for_nan_and_infinities_reads_and_is_written_back_as_python_wrote_it(string name, string json)
    {
        var read = Reader.Read(NodeUpdateWith(json));

        var decoded = Assert.IsType<DecodedNotification>(read);
        foreach (var options in new[] { PayloadWriteOptions.Default, new PayloadWriteOptions { MaskSecrets = false } })
        {
            var v1 = Encoding.UTF8.GetString(NotificationWriter.Write(decoded.Notification, MessageFormat.MessagingV1, options));
            Assert.True(v1.Contains("\"extra\": " + PythonJsonText.Spaced(json) + ", ", StringComparison.Ordinal), $"{name}: the flexible dict, in {v1}");
            Assert.True(v1.Contains("\"x_newer\": " + PythonJsonText.Spaced(json), StringComparison.Ordinal), $"{name}: the unknown field, in {v1}");
            Assert.DoesNotContain("E+999999999", v1);
            Assert.IsType<DecodedNotification>(Reader.Read(NotificationWriter.Write(decoded.Notification, MessageFormat.MessagingV2, options)));
        }
    }

    [Theory]
    [MemberData(nameof(Loads))]
    public void A_free_form_value_is_accepted_exactly_when_json_loads_accepts_it(string text, bool accepted)
    {
        var read = Reader.Read(NodeUpdateWith("{\"v\":" + text + "}"));

        Assert.Equal(accepted ? typeof(DecodedNotification) : typeof(MalformedNotification), read.GetType());
    }

    [Fact]
    public void A_nan_in_a_flexible_dict_reads_through_the_stand_in()
    {
        var read = Assert.IsType<DecodedNotification>(Reader.Read(NodeUpdateWith("{\"ratio\":NaN,\"top\":-Infinity,\"plain\":2.5}")));
        var extra = ((Notification<NodeCRUDPayload>)read.Notification).Payload.Extra!;

        Assert.True(PythonFloatLiterals.TryGetDouble(extra["ratio"]!.GetValue<JsonElement>(), out var ratio));
        Assert.True(double.IsNaN(ratio));
        Assert.True(PythonFloatLiterals.TryGetDouble(extra["top"]!.GetValue<JsonElement>(), out var top));
        Assert.Equal(double.NegativeInfinity, top);
        Assert.True(PythonFloatLiterals.TryGetDouble(extra["plain"]!.GetValue<JsonElement>(), out var plain));
        Assert.Equal(2.5, plain);
    }

    [Fact]
    public void A_float_field_reads_and_writes_nan_and_the_infinities_as_python_does()
    {
        var reader = new Utf8JsonReader(PythonFloatLiterals.ToStandIns("[NaN, Infinity, -Infinity, 1.5]"u8.ToArray()).Span);
        reader.Read();

        var values = WireValue.ReadList(ref reader, WireValue.ReadDouble);

        Assert.True(double.IsNaN(values[0]));
        Assert.Equal([double.PositiveInfinity, double.NegativeInfinity, 1.5], values.Skip(1));
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            // No test payload has a float field; the number writers do not look at the write state.
            WireValue.WriteList(writer, values, null!, WireValue.WriteDouble);
        }

        Assert.Equal("[NaN,Infinity,-Infinity,1.5]", Encoding.UTF8.GetString(PythonFloatLiterals.FromStandIns(buffer.WrittenSpan)));
    }

    [Fact]
    public void A_byte_order_mark_is_accepted_before_a_body_and_refused_inside_the_oslo_message_text_as_python_does()
    {
        var python = Cases.GetProperty("byte_order_mark").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("accepted").GetBoolean());
        byte[] bom = [0xEF, 0xBB, 0xBF];
        var text = new JsonObject { ["oslo.version"] = "2.0", ["oslo.message"] = "\uFEFF" + Messages.PowerSetStart().ToJsonString() };

        Assert.True(python["bom before bytes"]);
        Assert.IsType<DecodedNotification>(Reader.Read(bom.Concat(Messages.Bytes(Messages.PowerSetStart())).ToArray()));
        Assert.IsType<DecodedNotification>(Reader.Read(bom.Concat(Messages.V2(Messages.PowerSetStart())).ToArray()));
        Assert.True(Reader.ReadPayload(bom.Concat(Messages.Bytes(Messages.PowerSetStart()["payload"]!)).ToArray()).IsSuccess);
        Assert.False(python["bom before text"]);
        Assert.IsType<MalformedNotification>(Reader.Read(Messages.Bytes(text)));
    }
}
