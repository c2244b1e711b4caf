using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using VersionedNotifications.Extensions.Hosting;

namespace VersionedNotifications.TestSupport;

/// <summary>
/// The configuration every transport reads alike, written once and run against each broker package by a subclass:
/// the keys of the <c>Notifications</c> section that the transport core reads for every transport land in the same
/// options, and a bad value stops the host naming the key where it is written. No broker is needed.
/// </summary>
public abstract class TransportConfigurationTests
{
    /// <summary>The transport's own section: <c>RabbitMQ</c>, <c>Qpid</c>.</summary>
    protected abstract string Section { get; }

    /// <summary>A transport URL of this transport with two hosts.</summary>
    protected abstract string TransportUrl { get; }

    /// <summary>A driver name of this transport.</summary>
    protected abstract string DriverName { get; }

    /// <summary>Adds the transport's drivers and its listener (with no handlers) to <paramref name="builder"/>.</summary>
    protected abstract void AddTransport(VersionedNotificationsBuilder builder);

    /// <summary>The driver's options as the host made them.</summary>
    protected abstract NotificationDriverOptions DriverOptions(IServiceProvider services);

    /// <summary>The listener's options as the host made them.</summary>
    protected abstract NotificationListenerOptions ListenerOptions(IServiceProvider services);

    [Fact]
    public void The_keys_every_transport_shares_are_read_into_the_same_options()
    {
        using var host = Build(new()
        {
            ["Notifications:TransportUrl"] = TransportUrl,
            ["Notifications:ControlExchange"] = "glance",
            ["Notifications:Retry"] = "3",
            ["Notifications:Topics"] = "notifications",
            [$"Notifications:{Section}:DurableQueues"] = "true",
            [$"Notifications:{Section}:RecoveryInterval"] = "00:00:02",
            [$"Notifications:{Section}:BufferCapacity"] = "7",
            [$"Notifications:{Section}:BufferFullTimeout"] = "00:00:05",
            [$"Notifications:{Section}:ShutdownTimeout"] = "00:00:03",
            ["Notifications:Listener:Topics"] = "glance_notifications, audit",
            ["Notifications:Listener:Priorities"] = "info, error",
            ["Notifications:Listener:MaxConcurrency"] = "4",
            ["Notifications:Listener:RequeueDelay"] = "00:00:09",
            ["Notifications:Listener:OnUnreadable"] = "DeadLetter",
            ["Notifications:Listener:EventTypes"] = "image.*",
            ["Notifications:Listener:Publishers"] = "glance-api.*",
        });

        var driver = DriverOptions(host.Services);
        Assert.Equal((TransportUrl, "glance", true, TimeSpan.FromSeconds(2)), (driver.TransportUrl, driver.ControlExchange, driver.DurableQueues, driver.RecoveryInterval));
        Assert.Equal((7, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(3), 3), (driver.BufferCapacity, driver.BufferFullTimeout, driver.ShutdownTimeout, driver.Retry.MaxRetries));

        var listener = ListenerOptions(host.Services);
        Assert.Equal((TransportUrl, "glance", true, TimeSpan.FromSeconds(2)), (listener.TransportUrl, listener.ControlExchange, listener.DurableQueues, listener.RecoveryInterval));
        Assert.Equal(["glance_notifications", "audit"], listener.Topics);
        Assert.Equal([NotificationPriority.Info, NotificationPriority.Error], listener.Priorities);
        Assert.Equal((4, TimeSpan.FromSeconds(9), UnreadableMessageAction.DeadLetter), (listener.MaxConcurrency, listener.RequeueDelay, listener.OnUnreadable));
        Assert.Equal(["image.*"], listener.EventTypes);
        Assert.Equal(["glance-api.*"], listener.Publishers);
    }

    [Fact]
    public void The_listener_s_connection_keys_override_the_section_s()
    {
        using var host = Build(new()
        {
            ["Notifications:ControlExchange"] = "glance",
            ["Notifications:Listener:ControlExchange"] = "ironic",
            [$"Notifications:Listener:{Section}:DurableQueues"] = "true",
        });

        var listener = ListenerOptions(host.Services);
        Assert.Equal(("ironic", true), (listener.ControlExchange, listener.DurableQueues));
        Assert.Equal(("glance", false), (DriverOptions(host.Services).ControlExchange, DriverOptions(host.Services).DurableQueues));
    }

    [Fact]
    public void A_bad_shared_value_is_named_by_the_key_it_is_written_at()
    {
        using var host = Build(new()
        {
            ["Notifications:Drivers"] = DriverName,
            [$"Notifications:{Section}:BufferCapacity"] = "0",
            [$"Notifications:{Section}:RecoveryInterval"] = "-00:00:01",
            ["Notifications:Listener:MaxConcurrency"] = "many",
            ["Notifications:Listener:OnUnreadable"] = "sideways",
        });

        var driver = Assert.Throws<OptionsValidationException>(() => DriverOptions(host.Services));
        Assert.Contains(driver.Failures, f => f.StartsWith($"Notifications:{Section}:BufferCapacity", StringComparison.Ordinal));
        Assert.Contains(driver.Failures, f => f.StartsWith($"Notifications:{Section}:RecoveryInterval", StringComparison.Ordinal));
        var listener = Assert.Throws<OptionsValidationException>(() => ListenerOptions(host.Services));
        Assert.Contains(listener.Failures, f => f.StartsWith("Notifications:Listener:MaxConcurrency", StringComparison.Ordinal));
        Assert.Contains(listener.Failures, f => f.StartsWith("Notifications:Listener:OnUnreadable", StringComparison.Ordinal));
    }

    private IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        AddTransport(builder.Services.AddVersionedNotifications(builder.Configuration));
        return builder.Build();
    }
}
