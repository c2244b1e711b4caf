using System.Text;
using VersionedNotifications.OpenStack;
using VersionedNotifications.OpenStack.Ironic;
using VersionedNotifications.Tests.Infrastructure;
using VersionedNotifications.Tests.Runtime;
using VersionedNotifications.Wire;

namespace VersionedNotifications.Tests.Wire;

/// <summary>
/// A <c>uuid</c> field keeps the text oslo sent: oslo.versionedobjects' UUIDField passes any string on (it
/// only warns on a non-UUID), so upper case, dashless, braced and non-UUID texts all reach the wire.
/// </summary>
public sealed class UuidTests
{
    private const string FixtureUuid = "1be26c0b-03f2-4d2e-ae87-c02d7f33c123";
    private static readonly NotificationReader Reader = new(OpenStackJsonContext.Default);
    private static readonly PayloadWriteOptions Unmasked = new() { MaskSecrets = false };

    [Theory]
    [InlineData("A022CE3F-1E4C-4D4B-9F3A-2C5B1E7D9A01", "a022ce3f-1e4c-4d4b-9f3a-2c5b1e7d9a01")]
    [InlineData("a022ce3f1e4c4d4b9f3a2c5b1e7d9a01", "a022ce3f-1e4c-4d4b-9f3a-2c5b1e7d9a01")]
    [InlineData("{a022ce3f-1e4c-4d4b-9f3a-2c5b1e7d9a01}", "a022ce3f-1e4c-4d4b-9f3a-2c5b1e7d9a01")]
    [InlineData("fake-volume-id", null)]
    [InlineData("", null)]
    [InlineData("naïve ☃", null)]
    public void A_real_ironic_message_keeps_any_uuid_text_and_writes_it_back_byte_identical(string text, string? guid)
    {
        var original = Messages.PowerSetStart();
        Assert.Equal(FixtureUuid, (string)Messages.Data(original)["uuid"]!);
        var changed = Messages.PowerSetStart();
        Messages.Data(changed)["uuid"] = text;
        Messages.Data(changed)["instance_uuid"] = text;

        var decoded = Assert.IsType<DecodedNotification>(Reader.Read(Messages.Bytes(changed)));
        var payload = Assert.IsType<NodeSetPowerStatePayload>(decoded.Notification.PayloadValue);

        Assert.Equal(text, payload.Uuid.Text);
        Assert.Equal(text, payload.InstanceUuid?.ToString());
        Assert.Equal(guid, payload.Uuid.Guid?.ToString());
        Assert.Equal(guid is not null, payload.Uuid.TryGetGuid(out _));
        // Byte for byte: the message written from the changed fixture is the one written from the
        // original with the new text in place of the old, in both places and nowhere else.
        var writtenOriginal = Encoding.UTF8.GetString(Write(original));
        var expected = writtenOriginal.Replace(FixtureUuid, PythonJsonText.Escaped(text), StringComparison.Ordinal).Replace("d6ea00c1-1f94-4e95-90b3-3462d7031678", PythonJsonText.Escaped(text), StringComparison.Ordinal);
        Assert.Equal(expected, Encoding.UTF8.GetString(Write(changed)));
    }

    [Fact]
    public void A_non_uuid_text_is_not_reported_unless_asked()
    {
        var message = Messages.PowerSetStart();
        Messages.Data(message)["uuid"] = "fake-volume-id";

        var decoded = Assert.IsType<DecodedNotification>(Reader.Read(Messages.Bytes(message)));

        var payload = (NodeSetPowerStatePayload)decoded.Notification.PayloadValue;
        Assert.Null(payload.WireState);
        Assert.Null(payload.Uuid.Guid);
        Assert.False(payload.Uuid.TryGetGuid(out var guid));
        Assert.Equal(Guid.Empty, guid);
    }

    [Fact]
    public void A_guid_converts_to_the_text_python_writes_and_back()
    {
        var guid = Guid.Parse("A022CE3F-1E4C-4D4B-9F3A-2C5B1E7D9A01");

        Uuid value = guid;

        Assert.Equal("a022ce3f-1e4c-4d4b-9f3a-2c5b1e7d9a01", value.Text);
        Assert.Equal(value.Text, value.ToString());
        Assert.Equal(guid, value.Guid);
        Assert.Equal(Uuid.FromGuid(guid), value);
        Assert.Equal(Guid.Empty, default(Uuid).Guid);
        Assert.Equal("00000000-0000-0000-0000-000000000000", default(Uuid).Text);
        Assert.Equal((Uuid)Guid.Empty, default);
    }

    [Fact]
    public void Equality_is_of_the_text()
    {
        var lower = new Uuid("a022ce3f-1e4c-4d4b-9f3a-2c5b1e7d9a01");
        var upper = new Uuid("A022CE3F-1E4C-4D4B-9F3A-2C5B1E7D9A01");

        Assert.True(lower == new Uuid("a022ce3f-1e4c-4d4b-9f3a-2c5b1e7d9a01"));
        Assert.Equal(lower.GetHashCode(), new Uuid(new string(lower.Text.AsSpan())).GetHashCode());
        Assert.True(lower != upper);
        Assert.False(lower.Equals((object)upper));
        Assert.False(lower.Equals("a022ce3f-1e4c-4d4b-9f3a-2c5b1e7d9a01"));
        Assert.Equal(lower.Guid, upper.Guid);
        Assert.Equal(2, new HashSet<Uuid> { lower, upper, new Uuid(upper.Text) }.Count);
        Assert.Throws<ArgumentNullException>(() => new Uuid(null!));
    }

    [Fact]
    public void A_payload_made_in_csharp_from_a_guid_writes_pythons_text()
    {
        var payload = RuntimePayloads.PowerSetStart() with { Uuid = Guid.Parse("{A022CE3F-1E4C-4D4B-9F3A-2C5B1E7D9A01}") };

        var written = Encoding.UTF8.GetString(Write(Messages.PowerSetStart(), payload));

        Assert.Contains("\"uuid\": \"a022ce3f-1e4c-4d4b-9f3a-2c5b1e7d9a01\"", written, StringComparison.Ordinal);
    }

    private static byte[] Write(System.Text.Json.Nodes.JsonObject message, NodeSetPowerStatePayload? payload = null)
    {
        var decoded = Assert.IsType<DecodedNotification>(Reader.Read(Messages.Bytes(message)));
        Notification notification = payload is null ? decoded.Notification : Notification.Create(decoded.Notification.Header, payload);
        return NotificationWriter.Write(notification, MessageFormat.MessagingV1, Unmasked);
    }
}
