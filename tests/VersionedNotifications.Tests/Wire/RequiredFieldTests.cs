using System.Text.Json.Nodes;
using VersionedNotifications.OpenStack;
using VersionedNotifications.Tests.Infrastructure;

namespace VersionedNotifications.Tests.Wire;

/// <summary>
/// A field the contract requires and the message lacks makes the message malformed, with the field's path; only a
/// field the definitions mark optional, or one a version older than the message's did not have, may be absent.
/// </summary>
public sealed class RequiredFieldTests
{
    private static readonly NotificationReader Reader = new(OpenStackJsonContext.Default);

    private static MalformedNotification Malformed(byte[] bytes) => Assert.IsType<MalformedNotification>(Reader.Read(bytes));

    [Fact]
    public void An_empty_versioned_data_object_is_malformed_at_its_first_required_field()
    {
        var message = Messages.PowerSetStart();
        message["payload"]!["ironic_object.data"] = new JsonObject();

        var result = Malformed(Messages.Bytes(message));

        // The first in oslo's order: NodeSetPowerStatePayload's own fields come before NodePayload's.
        Assert.Equal("$.payload['ironic_object.data'].to_power", result.JsonPath);
        Assert.Equal("the field is missing; NodeSetPowerStatePayload 1.16 requires it", result.Reason);
    }

    [Fact]
    public void One_missing_field_is_named_inside_the_v2_body_too()
    {
        var message = Messages.PowerSetStart();
        Messages.Data(message).Remove("maintenance");

        var result = Malformed(Messages.V2(message));

        Assert.Equal("$['oslo.message'].payload['ironic_object.data'].maintenance", result.JsonPath);
        Assert.Equal("the field is missing; NodeSetPowerStatePayload 1.16 requires it", result.Reason);
    }

    [Fact]
    public void A_field_of_the_derived_object_itself_is_required_too()
    {
        var message = Messages.PowerSetStart();
        Messages.Data(message).Remove("to_power");

        var result = Malformed(Messages.Bytes(message));

        Assert.Equal("$.payload['ironic_object.data'].to_power", result.JsonPath);
    }

    [Fact]
    public void An_empty_plain_payload_is_malformed_not_a_record_of_defaults()
    {
        var message = Messages.Fixture("glance", "image.create.json");
        message["payload"] = new JsonObject();

        var result = Malformed(Messages.Bytes(message));

        Assert.StartsWith("$.payload.", result.JsonPath);
        Assert.EndsWith("the field is missing; ImagePayload 1.0 requires it", result.Reason);
    }

    [Fact]
    public void Validate_fails_such_a_message_where_it_used_to_say_ok()
    {
        var message = Messages.Fixture("glance", "image.create.json");
        message["payload"]!.AsObject().Remove("id");

        var result = Malformed(Messages.Bytes(message));

        Assert.Equal("$.payload.id", result.JsonPath);
        Assert.Equal("the field is missing; ImagePayload 1.0 requires it", result.Reason);
    }
}
