using System.Text.Json;
using VersionedNotifications.OpenStack;
using VersionedNotifications.Tests.Infrastructure;
using VersionedNotifications.Wire;

namespace VersionedNotifications.Tests.Wire;

/// <summary>
/// Golden tests against the messages real ironic (21.4.4) and glance (25.1.0) code made: each one
/// decodes into the payload type its event type declares, and re-encodes to the same JSON.
/// </summary>
public sealed class FixtureRoundTripTests
{
    private static readonly NotificationReader Reader = new(OpenStackJsonContext.Default);
    private static readonly PayloadWriteOptions Unmasked = new() { MaskSecrets = false };

    public static IEnumerable<object[]> AllFixtures() => Fixtures.All();

    [Theory]
    [MemberData(nameof(AllFixtures))]
    public void Decodes_into_the_declared_payload_type(string service, string file)
    {
        var result = Reader.Read(Fixtures.Read(service, file));

        var decoded = Assert.IsType<DecodedNotification>(result);
        Assert.Equal(MessageFormat.MessagingV1, decoded.Format);
        var expectedType = decoded.EventTypeInfo.TextPriorities.Contains(decoded.Notification.Priority) && decoded.Notification.PayloadValue is string
            ? typeof(string)
            : decoded.EventTypeInfo.PayloadType;
        Assert.Equal(expectedType, decoded.Notification.PayloadValue.GetType());
        Assert.Equal(Path.GetFileNameWithoutExtension(file).Split('.')[0], decoded.Notification.EventType.Split('.')[0]);
    }

    [Theory]
    [MemberData(nameof(AllFixtures))]
    public void Re_encodes_to_the_same_json(string service, string file)
    {
        var original = Fixtures.Read(service, file);
        var decoded = Assert.IsType<DecodedNotification>(Reader.Read(original));

        var written = NotificationWriter.Write(decoded.Notification, MessageFormat.MessagingV1, Unmasked);

        AssertSameJson(original, written);
    }

    [Theory]
    [MemberData(nameof(AllFixtures))]
    public void Survives_the_v2_body_both_ways(string service, string file)
    {
        var original = Fixtures.Read(service, file);
        var decoded = Assert.IsType<DecodedNotification>(Reader.Read(original));

        var v2 = NotificationWriter.Write(decoded.Notification, MessageFormat.MessagingV2, Unmasked);
        var again = Assert.IsType<DecodedNotification>(Reader.Read(v2));

        Assert.Equal(MessageFormat.MessagingV2, again.Format);
        Assert.NotNull(again.Notification.Header.UniqueId);
        var v1 = NotificationWriter.Write(again.Notification, MessageFormat.MessagingV1, Unmasked);
        AssertSameJson(original, WithoutKey(v1, "_unique_id"));
    }

    [Theory]
    [MemberData(nameof(AllFixtures))]
    public void Fixtures_are_at_the_current_version_with_nothing_unknown(string service, string file)
    {
        var decoded = Assert.IsType<DecodedNotification>(Reader.Read(Fixtures.Read(service, file)));
        if (decoded.Notification.PayloadValue is string)
        {
            return;
        }

        // The fixtures were made by the code the definitions describe: current versions, no unknown fields; except the
        // older versions made on purpose (nova's aggregate.create.end.v1_0, instance.update.v1: a version of the
        // history, whose fields the current record lacks are kept).
        var contract = Reader.FindPayloadFor(decoded.Notification.PayloadValue.GetType())!;
        var state = WireStateOf(decoded.Notification.PayloadValue);
        if (file.Contains(".v1", StringComparison.Ordinal))
        {
            Assert.NotNull(state);
            Assert.NotEqual(contract.ObjectInfo.Version, state.Version);
            Assert.Contains(state.Version, contract.ObjectInfo.KnownVersions);
            return;
        }

        Assert.True(state is null || (state.Version == contract.ObjectInfo.Version && state.ExtensionData.Count == 0 && state.Changes is null), state?.ToString());
    }

    [Fact]
    public void A_key_glance_leaves_out_is_absent_not_null_and_stays_out()
    {
        var original = Fixtures.Read("glance", "image.prepare.json");
        var decoded = Assert.IsType<DecodedNotification>(Reader.Read(original));

        var payload = Assert.IsType<Notification<VersionedNotifications.OpenStack.Glance.ImagePreparePayload>>(decoded.Notification).Payload;
        Assert.True(payload.WireState!.IsAbsent("backend"));
        Assert.Equal(["backend"], payload.WireState.AbsentFields);
        var written = NotificationWriter.Write(decoded.Notification, MessageFormat.MessagingV1, Unmasked);
        Assert.DoesNotContain("\"backend\"", System.Text.Encoding.UTF8.GetString(written));

        // Setting a value makes the field present again.
        var withBackend = Notification.Create(decoded.Notification.Header, payload with { Backend = "ceph-1" });
        Assert.Contains("\"backend\": \"ceph-1\"", System.Text.Encoding.UTF8.GetString(NotificationWriter.Write(withBackend, MessageFormat.MessagingV1)));
    }

    internal static PayloadWireState? WireStateOf(object payload) => ((INotificationPayload)payload).WireState;

    internal static void AssertSameJson(byte[] expected, byte[] actual)
    {
        using var left = JsonDocument.Parse(expected);
        using var right = JsonDocument.Parse(actual);
        Assert.True(
            JsonValueEquality.Equals(left.RootElement, right.RootElement),
            $"JSON differs.\nexpected: {left.RootElement.GetRawText()}\nactual:   {right.RootElement.GetRawText()}");
    }

    private static byte[] WithoutKey(byte[] json, string key)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        node.Remove(key);
        return JsonSerializer.SerializeToUtf8Bytes(node);
    }
}
