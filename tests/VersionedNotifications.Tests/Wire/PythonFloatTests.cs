using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using VersionedNotifications.OpenStack;
using VersionedNotifications.OpenStack.Glance;
using VersionedNotifications.Tests.Infrastructure;
using VersionedNotifications.Wire;

namespace VersionedNotifications.Tests.Wire;

/// <summary>
/// A <c>float</c> is written as oslo writes one, checked against Fixtures/floats/python-float-cases.json: what
/// oslo.versionedobjects' FloatField and oslo.serialization's jsonutils.dumps make of 656 doubles
/// (tests/fixtures/openstack/make_float_cases.py).
/// </summary>
public sealed class PythonFloatTests
{
    private static readonly string FixturePath = Path.Combine(AppContext.BaseDirectory, "Fixtures", "floats", "python-float-cases.json");

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        using var document = JsonDocument.Parse(File.ReadAllBytes(FixturePath));
        foreach (var item in document.RootElement.GetProperty("cases").EnumerateArray())
        {
            data.Add(item.GetProperty("name").GetString()!, item.GetProperty("bits").GetString()!, item.GetProperty("text").GetString()!);
        }

        return data;
    }

    [Fact]
    public void The_fixture_holds_the_whole_table()
    {
        Assert.True(Cases().Count > 600);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Writes_each_double_as_oslo_does(string name, string bits, string text)
    {
        var value = BitConverter.Int64BitsToDouble(long.Parse(bits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));

        Assert.True(text == PythonFloat.Format(value), $"{name}: expected {text}, got {PythonFloat.Format(value)}");
        Assert.Equal("[" + text + "]", WriteInArray(value));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reads_what_oslo_wrote_and_writes_it_back_unchanged(string name, string bits, string text)
    {
        var value = BitConverter.Int64BitsToDouble(long.Parse(bits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
        if (!double.IsFinite(value))
        {
            // NaN and Infinity are not JSON; the reader takes them through stand-ins (PythonJsonParityTests).
            return;
        }

        var reader = new Utf8JsonReader(Encoding.ASCII.GetBytes(text));
        reader.Read();
        var read = WireValue.ReadDouble(ref reader);

        Assert.True(BitConverter.DoubleToInt64Bits(read) == BitConverter.DoubleToInt64Bits(value), $"{name}: {text} read as {read:R}");
        Assert.Equal("[" + text + "]", WriteInArray(read));
    }

    [Theory]
    [InlineData(3.0, "3.0")]
    [InlineData(1e16, "1e+16")]
    [InlineData(1.5e-07, "1.5e-07")]
    [InlineData(0.1, "0.1")]
    [InlineData(-0.0, "-0.0")]
    [InlineData(double.MaxValue, "1.7976931348623157e+308")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    [InlineData(double.NegativeInfinity, "-Infinity")]
    public void The_cases_named_in_the_issue(double value, string text)
    {
        Assert.Equal(text, PythonFloat.Format(value));
    }

    [Fact]
    public void A_destination_shorter_than_the_longest_text_is_refused()
    {
        Assert.Throws<ArgumentException>(() => PythonFloat.Format(1.0, new byte[PythonFloat.MaxLength - 1]));
    }

    [Fact]
    public void Numbers_in_a_flexible_dict_keep_their_text()
    {
        // A glance image's properties are a flexible dict: JSON numbers there are not floats or ints to
        // us, and each is written back as it came, 1.0 and 1 and 1E5 alike.
        var message = Messages.Fixture("glance", "image.update.json");
        message["payload"]!["properties"] = JsonNode.Parse("""{"ratio": 1.0, "count": 1, "big": 1E5, "tiny": 1.50e-07, "neg": -0.0}""");
        var reader = new NotificationReader(OpenStackJsonContext.Default);
        var decoded = Assert.IsType<DecodedNotification>(reader.Read(Encoding.UTF8.GetBytes(message.ToJsonString())));
        Assert.IsType<ImagePayload>(decoded.Notification.PayloadValue);

        var written = Encoding.UTF8.GetString(NotificationWriter.Write(decoded.Notification, MessageFormat.MessagingV1));

        Assert.Contains("\"properties\": {\"ratio\": 1.0, \"count\": 1, \"big\": 1E5, \"tiny\": 1.50e-07, \"neg\": -0.0}", written, StringComparison.Ordinal);
    }

    [Fact]
    public void Numbers_in_a_masked_flexible_dict_keep_their_text()
    {
        var message = Messages.Fixture("ironic", "baremetal.node.update.end.json");
        Messages.Data(message)["driver_info"] = JsonNode.Parse("""{"ipmi_password": "hunter2", "ratio": 1.0, "count": 1, "big": 1E5}""");
        var reader = new NotificationReader(OpenStackJsonContext.Default);
        var decoded = Assert.IsType<DecodedNotification>(reader.Read(Encoding.UTF8.GetBytes(message.ToJsonString())));

        var written = Encoding.UTF8.GetString(NotificationWriter.Write(decoded.Notification, MessageFormat.MessagingV1));

        Assert.Contains("\"driver_info\": {\"ipmi_password\": \"******\", \"ratio\": 1.0, \"count\": 1, \"big\": 1E5}", written, StringComparison.Ordinal);
    }

    private static string WriteInArray(double value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            // A number needs no write state; only objects consult it.
            WireValue.WriteDouble(writer, value, null!);
            writer.WriteEndArray();
        }

        // NaN and the infinities leave WriteDouble as stand-ins, which NotificationWriter turns into Python's words.
        return Encoding.UTF8.GetString(PythonFloatLiterals.FromStandIns(buffer.WrittenSpan));
    }
}
