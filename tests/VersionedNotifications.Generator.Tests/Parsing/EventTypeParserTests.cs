using VersionedNotifications.Generator.Model;
using VersionedNotifications.Generator.Parsing;

namespace VersionedNotifications.Generator.Tests.Parsing;

/// <summary>Event types as <see cref="DefinitionParser"/> reads them: families expanded per status, priorities, aliases, text priorities.</summary>
public sealed class EventTypeParserTests
{
    private static EquatableArray<EventDefinition> Events(string eventTypes)
    {
        var text = "namespace: demo\ncsharp_namespace: Demo\nevent_types:\n" + eventTypes.ReplaceLineEndings("\n");
        var result = DefinitionParser.Parse("/defs/events.yaml", text);
        Assert.True(result.Diagnostics.IsEmpty, string.Join("\n", result.Diagnostics.Select(d => d.Message)));
        return result.Value.Events;
    }

    [Fact]
    public void Family_list_is_expanded_per_status_with_default_priorities()
    {
        var events = Events("""
              baremetal.node.power_set:
                payload: NodeSetPowerStatePayload
                statuses: [start, end, error, success]
                aliases: [baremetal.node.power]
                description: A power state change.
            """);

        Assert.Equal(
            ["baremetal.node.power_set.start", "baremetal.node.power_set.end", "baremetal.node.power_set.error", "baremetal.node.power_set.success"],
            events.Select(e => e.Name));
        Assert.Equal([Priority.Info, Priority.Info, Priority.Error, Priority.Info], events.Select(e => e.Priority));
        Assert.All(events, e =>
        {
            Assert.Equal("baremetal.node.power_set", e.Family);
            Assert.Equal("NodeSetPowerStatePayload", e.Payload);
            Assert.Equal("A power state change.", e.Description);
            Assert.Equal(3, e.Location.LineSpan.Start.Line);
            Assert.Equal(4, e.PayloadLocation.LineSpan.Start.Line);
            Assert.Empty(e.TextPriorities);
        });
        Assert.Equal(["baremetal.node.power.start"], events[0].Aliases);
        Assert.Equal(["baremetal.node.power.error"], events[2].Aliases);
    }

    [Fact]
    public void Family_mapping_gives_each_status_its_priority()
    {
        var events = Events("""
              baremetal.node.maintenance_set:
                payload: NodePayload
                statuses:
                  start: debug
                  end: WARNING
                  error: critical
            """);

        Assert.Equal(["baremetal.node.maintenance_set.start", "baremetal.node.maintenance_set.end", "baremetal.node.maintenance_set.error"], events.Select(e => e.Name));
        Assert.Equal([Priority.Debug, Priority.Warn, Priority.Critical], events.Select(e => e.Priority));
    }

    [Fact]
    public void Plain_event_type_has_no_family_and_info_unless_told()
    {
        var events = Events("""
              image.upload:
                payload: ImagePayload
                text_priorities: [warn, error, WARN]
              image.delete:
                payload: text
                priority: audit
              image.sample:
                payload: text
                priority: Sample
            """);

        Assert.Equal(["image.upload", "image.delete", "image.sample"], events.Select(e => e.Name));
        Assert.All(events, e => Assert.Null(e.Family));
        Assert.Equal([Priority.Info, Priority.Audit, Priority.Sample], events.Select(e => e.Priority));
        Assert.Equal([Priority.Warn, Priority.Error], events[0].TextPriorities);
        Assert.Equal(EventDefinition.TextPayload, events[1].Payload);
    }

    [Fact]
    public void Aliases_of_a_plain_event_type_are_kept_as_written()
    {
        var events = Events("""
              baremetal.deploytemplate.create:
                payload: DeployTemplatePayload
                aliases: [baremetal.deploy_template.create, baremetal.deploy-template.create]
            """);

        Assert.Equal(["baremetal.deploy_template.create", "baremetal.deploy-template.create"], Assert.Single(events).Aliases);
    }

    [Fact]
    public void Family_with_priority_reports_and_keeps_the_statuses()
    {
        var result = DefinitionParser.Parse("/defs/events.yaml", """
            namespace: demo
            csharp_namespace: Demo
            event_types:
              demo.node.power_set:
                payload: Node
                priority: info
                statuses: [start]
            """);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("VN0004", diagnostic.Descriptor.Id);
        Assert.Equal(5, diagnostic.Location.LineSpan.Start.Line);
        Assert.Equal(["demo.node.power_set.start"], result.Value.Events.Select(e => e.Name));
    }
}
