using VersionedNotifications;
using VersionedNotifications.OpenStack.Ironic;

namespace VersionedNotifications.Generator.Tests.OpenStack;

/// <summary>The VersionedNotifications.OpenStack package as a consumer sees it: ironic's 92 event types and 12 payloads, compiled from definitions/ironic.</summary>
public sealed class IronicContractsTests
{
    [Fact]
    public void Every_Ironic_event_type_is_there_with_its_priority()
    {
        Assert.Equal(92, EventTypes.All.Count);
        Assert.All(EventTypes.All, e =>
        {
            Assert.StartsWith("baremetal.", e.Name, StringComparison.Ordinal);
            Assert.Equal(e.Name.EndsWith(".error", StringComparison.Ordinal) ? NotificationPriority.Error : NotificationPriority.Info, e.Priority);
        });
        Assert.Equal(["baremetal.node.power_state_corrected.success"], EventTypes.All.Select(e => e.Name).Where(n => n.Contains("power_state_corrected", StringComparison.Ordinal)));
        Assert.Equal(4, EventTypes.All.Count(e => e.Name.StartsWith("baremetal.node.provision_set.", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_seeds_spelling_of_deploy_template_is_an_alias_of_the_wire_name()
    {
        Assert.True(EventTypes.TryGet("baremetal.deploy_template.update.end", out var seed));
        Assert.Same(EventTypes.Baremetal.Deploytemplate.Update.End, seed);
        Assert.Equal("baremetal.deploytemplate.update.end", seed.Name);
        Assert.Equal(typeof(DeployTemplateCRUDPayload), seed.PayloadType);
    }

    [Fact]
    public void Payloads_carry_the_real_versions_and_their_history()
    {
        Assert.Equal("1.16", NodePayload.ObjectVersion);
        Assert.Equal(17, NodePayload.ObjectInfo.KnownVersions.Count);
        Assert.Equal("1.17", NodeSetProvisionStatePayload.ObjectVersion);
        Assert.Equal("ironic_object", NodePayload.ObjectInfo.KeyPrefix);
        Assert.True(typeof(NodePayload).IsAssignableFrom(typeof(NodeSetPowerStatePayload)));
        Assert.Equal(typeof(NodeSetPowerStatePayload), EventTypes.Baremetal.Node.PowerSet.Start.PayloadType);
        Assert.Equal(typeof(NodePayload), EventTypes.Baremetal.Node.ConsoleStop.End.PayloadType);
    }
}
