using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VersionedNotifications.Drivers;
using VersionedNotifications.OpenStack;
using VersionedNotifications.OpenStack.Ironic;
using VersionedNotifications.RabbitMQ.Tests.Infrastructure;
using IronicEvents = VersionedNotifications.OpenStack.Ironic.EventTypes;

namespace VersionedNotifications.RabbitMQ.Tests.Hosting;

/// <summary>services.AddVersionedNotifications(configuration): options from the Notifications section, as ironic.conf sets them, checked when the host starts.</summary>
public sealed class ConfigurationTests
{
    private static IHost Build(Dictionary<string, string?> settings, Action<IServiceCollection>? more = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton(new CaptureNotificationDriver(OpenStackJsonContext.Default));
        builder.Services.AddVersionedNotifications(builder.Configuration).AddRabbitMQ();
        more?.Invoke(builder.Services);
        return builder.Build();
    }

    private static async Task<string> StartFailureAsync(Dictionary<string, string?> settings, Action<IServiceCollection>? more = null)
    {
        using var host = Build(settings, more);
        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());
        return error is AggregateException aggregate ? string.Join("\n", aggregate.InnerExceptions.Select(e => e.Message)) : error.Message;
    }

    [Fact]
    public async Task Ironic_conf_settings_configure_the_notifier()
    {
        using var host = Build(new()
        {
            ["Notifications:Level"] = "info",
            ["Notifications:Topics"] = "ironic_versioned_notifications, audit_copy",
            ["Notifications:Drivers"] = "capture,log",
            ["Notifications:Service"] = "ironic-conductor",
            ["Notifications:Host"] = "node-1",
            ["Notifications:DisabledEventTypes:0"] = "baremetal.node.power_set.end",
            ["Notifications:Retry"] = "0",
        });
        await host.StartAsync();
        var notifier = host.Services.GetRequiredService<INotifier>();
        var payload = ReadPowerSetStart();

        await notifier.EmitAsync(IronicEvents.Baremetal.Node.PowerSet.Start, payload);
        await notifier.EmitAsync(IronicEvents.Baremetal.Node.PowerSet.End, payload);
        await notifier.EmitAsync(IronicEvents.Baremetal.Node.PowerSet.Error, payload);

        var concrete = host.Services.GetRequiredService<Notifier>();
        Assert.Equal(["capture", "log"], concrete.Drivers.Select(d => d.Name));
        var captured = host.Services.GetRequiredService<CaptureNotificationDriver>().Captured;
        Assert.Equal(["baremetal.node.power_set.start", "baremetal.node.power_set.error"], captured.Select(n => n.EventType));
        Assert.All(captured, n => Assert.Equal(["ironic_versioned_notifications", "audit_copy"], n.Topics));
        Assert.All(captured, n => Assert.Equal("ironic-conductor.node-1", n.PublisherId));
        await host.StopAsync();
    }

    [Fact]
    public async Task Lists_can_be_written_as_json_arrays()
    {
        using var host = Build(new()
        {
            ["Notifications:Level"] = "warning",
            ["Notifications:Topics:0"] = "a",
            ["Notifications:Topics:1"] = "b",
            ["Notifications:Drivers:0"] = "capture",
        });
        await host.StartAsync();

        await host.Services.GetRequiredService<INotifier>().EmitAsync(IronicEvents.Baremetal.Node.PowerSet.Error, ReadPowerSetStart());

        Assert.Equal(["a", "b"], Assert.Single(host.Services.GetRequiredService<CaptureNotificationDriver>().Captured).Topics);
    }

    [Fact]
    public async Task Without_configuration_nothing_is_emitted_as_ironic_with_an_unset_level()
    {
        using var host = Build(new());
        await host.StartAsync();
        var notifier = host.Services.GetRequiredService<Notifier>();

        await notifier.EmitAsync(IronicEvents.Baremetal.Node.PowerSet.Error, ReadPowerSetStart());

        Assert.Equal(NoopNotificationDriver.DriverName, Assert.Single(notifier.Drivers).Name);
        Assert.Equal(1, notifier.Statistics.Filtered);
    }

    [Fact]
    public async Task Bad_values_stop_the_host_naming_their_keys()
    {
        var message = await StartFailureAsync(new()
        {
            ["Notifications:Level"] = "loud",
            ["Notifications:Topics:0"] = "ok",
            ["Notifications:Topics:1"] = "has space",
            ["Notifications:Retry"] = "often",
            ["Notifications:MaskSecrets"] = "maybe",
            ["Notifications:DisabledEventTypes:0"] = " ",
        });

        Assert.Contains("Notifications:Level: 'loud' is not a level; use none, debug, info, warning, error or critical", message);
        Assert.Contains("Notifications:Topics:1: 'has space' has ' '", message);
        Assert.Contains("Notifications:Retry: 'often' is not a whole number from -1 to", message);
        Assert.Contains("Notifications:MaskSecrets: 'maybe' is not true or false", message);
        Assert.Contains("Notifications:DisabledEventTypes:0: a pattern cannot be empty", message);
    }

    [Fact]
    public async Task An_unknown_driver_is_named_with_the_known_ones()
    {
        var message = await StartFailureAsync(new() { ["Notifications:Drivers"] = "log,rabit" });

        Assert.Contains("Notifications:Drivers:1: unknown driver 'rabit'; the known drivers are capture, log, messaging, messagingv2, noop, rabbit", message);
    }

    [Fact]
    public async Task RabbitMQ_settings_are_checked_when_a_RabbitMQ_driver_is_chosen()
    {
        var message = await StartFailureAsync(new()
        {
            ["Notifications:Drivers"] = "messagingv2",
            ["Notifications:TransportUrl"] = "amqp://guest:secret@localhost/",
            ["Notifications:RabbitMQ:BufferCapacity"] = "0",
            ["Notifications:RabbitMQ:DurableQueues"] = "sometimes",
        });

        Assert.Contains("Notifications:TransportUrl: amqp:// is oslo's AMQP 1.0 transport (Qpid), not RabbitMQ; write rabbit://", message);
        Assert.Contains("Notifications:RabbitMQ:BufferCapacity: '0' is not a whole number from 1 to", message);
        Assert.Contains("Notifications:RabbitMQ:DurableQueues: 'sometimes' is not true or false", message);
        Assert.DoesNotContain("secret", message);
    }

    [Fact]
    public async Task RabbitMQ_settings_are_not_checked_when_no_RabbitMQ_driver_is_chosen()
    {
        using var host = Build(new() { ["Notifications:Drivers"] = "log", ["Notifications:TransportUrl"] = "nonsense" });

        await host.StartAsync();
        await host.StopAsync();
    }

    [Fact]
    public async Task Listener_settings_are_checked_at_start()
    {
        var message = await StartFailureAsync(
            new()
            {
                ["Notifications:Listener:Prefetch"] = "0",
                ["Notifications:Listener:OnFailure"] = "Explode",
                ["Notifications:Listener:Priorities:0"] = "info",
                ["Notifications:Listener:Priorities:1"] = "loud",
            },
            services => services.AddVersionedNotifications().AddRabbitMQNotificationListener((_, _) => { }, OpenStackJsonContext.Default));

        Assert.Contains("Notifications:Listener:Prefetch: '0' is not a whole number from 1 to 65535", message);
        Assert.Contains("Notifications:Listener:OnFailure: 'Explode' is not one of DeadLetterQueue, Requeue, Reject", message);
        Assert.Contains("Notifications:Listener:Priorities:1: 'loud' is not a priority", message);
    }

    private static NodeSetPowerStatePayload ReadPowerSetStart()
    {
        var reader = new NotificationReader(OpenStackJsonContext.Default);
        var decoded = Assert.IsType<DecodedNotification>(reader.Read(Repository.ReadFixture("ironic", "baremetal.node.power_set.start.json")));
        return Assert.IsType<Notification<NodeSetPowerStatePayload>>(decoded.Notification).Payload;
    }
}
