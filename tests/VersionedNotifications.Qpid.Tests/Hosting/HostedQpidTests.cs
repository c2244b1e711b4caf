using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using VersionedNotifications.Extensions.Hosting;
using VersionedNotifications.OpenStack;
using VersionedNotifications.OpenStack.Glance;
using VersionedNotifications.Qpid.Tests.Infrastructure;
using GlanceEvents = VersionedNotifications.OpenStack.Glance.EventTypes;

namespace VersionedNotifications.Qpid.Tests.Hosting;

/// <summary>A Glance-style service configured for qpid emits, another consumes, both only through the Notifications section.</summary>
[Collection(QpidBrokerCollection.Name)]
public sealed class HostedQpidTests(QpidBroker broker)
{
    [Theory]
    [InlineData("amqp")]
    [InlineData("qpid")]
    public async Task A_hosted_listener_receives_what_a_notifier_configured_for_qpid_emits(string driverName)
    {
        var exchange = Names.Unique("glance");
        var received = new ConcurrentQueue<Notification<ImagePayload>>();

        var consumer = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        consumer.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Notifications:TransportUrl"] = broker.AmqpUrl,
            ["Notifications:ControlExchange"] = exchange,
            ["Notifications:Listener:Topics"] = "notifications",
            ["Notifications:Listener:Priorities"] = "info,warn,error",
        });
        consumer.Services.AddVersionedNotifications(consumer.Configuration)
            .AddQpid()
            .AddQpidNotificationListener(
                (dispatcher, _) => dispatcher.On(GlanceEvents.Image.Update, (n, _) =>
                {
                    received.Enqueue(n);
                    return ValueTask.CompletedTask;
                }),
                OpenStackJsonContext.Default);
        using var consumerHost = consumer.Build();
        await consumerHost.StartAsync();
        await consumerHost.Services.GetServices<IHostedService>().OfType<NotificationListenerService>().Single(s => s.Listener is QpidNotificationListener).Started.WaitAsync(TimeSpan.FromMinutes(2));

        var producer = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        producer.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Notifications:Level"] = "info",
            ["Notifications:Topics"] = "notifications",
            ["Notifications:Drivers"] = driverName,
            ["Notifications:TransportUrl"] = broker.AmqpUrl,
            ["Notifications:ControlExchange"] = exchange,
            ["Notifications:PublisherId"] = "glance-api.host-a",
        });
        producer.Services.AddVersionedNotifications(producer.Configuration).AddQpid();
        using (var producerHost = producer.Build())
        {
            await producerHost.StartAsync();
            await producerHost.Services.GetRequiredService<INotifier>().EmitAsync(GlanceEvents.Image.Update, QpidEmitters.ImageUpdate());
            await producerHost.StopAsync();
        }

        await Eventually.TrueAsync(() => received.Count == 1, TimeSpan.FromMinutes(2), () => "nothing arrived");
        Assert.Equal("glance-api.host-a", Assert.Single(received).Header.PublisherId);
        Assert.Equal(3, consumerHost.Services.GetRequiredService<QpidNotificationListener>().Addresses.Count);
        await consumerHost.StopAsync();
    }

    [Fact]
    public async Task Bad_qpid_settings_stop_the_host_naming_each_key()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Notifications:Drivers"] = "qpid",
            ["Notifications:TransportUrl"] = "rabbit://guest:guest@127.0.0.1/",
            ["Notifications:Qpid:Addressing"] = "sideways",
            ["Notifications:Qpid:BufferCapacity"] = "0",
        });
        builder.Services.AddVersionedNotifications(builder.Configuration).AddQpid();
        using var host = builder.Build();
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("Notifications:TransportUrl: rabbit:// is oslo's RabbitMQ (AMQP 0-9-1) transport", error.Message);
        Assert.Contains("Notifications:Qpid:Addressing: 'sideways' is not one of Dynamic, Legacy, Routable", error.Message);
        Assert.Contains("Notifications:Qpid:BufferCapacity: '0' is not a whole number from 1 to", error.Message);
    }

    [Fact]
    public async Task The_listeners_OnUnreadable_is_read_from_the_Listener_section_and_a_bad_value_stops_the_host_naming_the_key()
    {
        IHost Build(string onUnreadable)
        {
            var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Notifications:TransportUrl"] = broker.AmqpUrl,
                ["Notifications:Listener:OnUnreadable"] = onUnreadable,
            });
            builder.Services.AddVersionedNotifications(builder.Configuration).AddQpidNotificationListener((_, _) => { }, OpenStackJsonContext.Default);
            return builder.Build();
        }

        using (var good = Build("DeadLetter"))
        {
            Assert.Equal(UnreadableMessageAction.DeadLetter, good.Services.GetRequiredService<IOptions<QpidNotificationListenerOptions>>().Value.OnUnreadable);
        }

        using var bad = Build("sideways");
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => bad.StartAsync());
        Assert.Contains("Notifications:Listener:OnUnreadable: 'sideways' is not one of Acknowledge, DeadLetter", error.Message);
    }
}
