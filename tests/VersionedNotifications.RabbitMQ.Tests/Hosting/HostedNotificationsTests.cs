using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VersionedNotifications.Extensions.Hosting;
using VersionedNotifications.OpenStack;
using VersionedNotifications.OpenStack.Ironic;
using VersionedNotifications.RabbitMQ.Tests.Infrastructure;
using IronicEvents = VersionedNotifications.OpenStack.Ironic.EventTypes;

namespace VersionedNotifications.RabbitMQ.Tests.Hosting;

/// <summary>One .NET service emits, another consumes, both configured only through the Notifications section, on the real broker.</summary>
[Collection(BrokerCollection.Name)]
public sealed class HostedNotificationsTests(Broker broker)
{
    [Fact]
    public async Task A_hosted_listener_receives_what_a_configured_notifier_emits()
    {
        var exchange = Names.Unique("ironic");
        var topic = Names.Unique("ironic_versioned_notifications");
        var received = new ConcurrentQueue<Notification<NodeSetPowerStatePayload>>();

        var consumer = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        consumer.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Notifications:TransportUrl"] = broker.Url,
            ["Notifications:ControlExchange"] = exchange,
            ["Notifications:Listener:Topics"] = topic,
            ["Notifications:Listener:Priorities"] = "info,error",
            ["Notifications:Listener:Pool"] = "searchlight",
        });
        consumer.Services.AddVersionedNotifications(consumer.Configuration)
            .AddRabbitMQ()
            .AddRabbitMQNotificationListener(
                (dispatcher, _) => dispatcher.On(IronicEvents.Baremetal.Node.PowerSet.Start, (n, _) =>
                {
                    received.Enqueue(n);
                    return ValueTask.CompletedTask;
                }),
                OpenStackJsonContext.Default);
        using var consumerHost = consumer.Build();
        await consumerHost.StartAsync();
        await consumerHost.Services.GetServices<IHostedService>().OfType<NotificationListenerService>().Single(s => s.Listener is RabbitMQNotificationListener).Started.WaitAsync(TimeSpan.FromMinutes(2));

        var producer = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        producer.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Notifications:Level"] = "info",
            ["Notifications:Topics"] = topic,
            ["Notifications:Drivers"] = "messagingv2",
            ["Notifications:TransportUrl"] = broker.Url,
            ["Notifications:ControlExchange"] = exchange,
            ["Notifications:PublisherId"] = "ironic-conductor.host-a",
        });
        producer.Services.AddVersionedNotifications(producer.Configuration).AddRabbitMQ();
        using (var producerHost = producer.Build())
        {
            await producerHost.StartAsync();
            await producerHost.Services.GetRequiredService<INotifier>().EmitAsync(IronicEvents.Baremetal.Node.PowerSet.Start, Emitters.PowerSetStart());
            await producerHost.StopAsync();
        }

        await Eventually.TrueAsync(() => received.Count == 1, TimeSpan.FromMinutes(2), () => "nothing arrived");
        Assert.Equal("ironic-conductor.host-a", Assert.Single(received).Header.PublisherId);
        Assert.Equal(["searchlight"], consumerHost.Services.GetRequiredService<RabbitMQNotificationListener>().Queues);
        await consumerHost.StopAsync();
    }

    [Fact]
    public async Task A_hosted_listener_on_queues_oslo_declared_durable_stops_trying_with_one_error_naming_the_setting()
    {
        var exchange = Names.Unique("ironic");
        var topic = Names.Unique("ironic_versioned_notifications");
        await using (var oslo = PeerProcess.Python("oslo_notify.py", "--url", broker.Url, "--exchange", exchange, "--topic", topic, "--durable"))
        {
            await oslo.WriteLinesAsync(["""{"event_type": "baremetal.node.power_set.start", "priority": "info", "payload": {}}"""]);
            Assert.Equal(0, await oslo.WaitForExitAsync(TimeSpan.FromMinutes(1)));
        }

        var logs = new RecordingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs));
        var options = Emitters.ListenerOptions(broker, exchange, topic);
        options.Priorities = [NotificationPriority.Info];
        await using var listener = new RabbitMQNotificationListener(options, Emitters.Reader, new NotificationDispatcher(Emitters.Reader));
        using var service = new NotificationListenerService(listener, factory.CreateLogger<NotificationListenerService>(), TimeSpan.FromMilliseconds(50));

        await service.StartAsync(CancellationToken.None);
        var error = await Assert.ThrowsAsync<BrokerRefusedException>(() => service.Started.WaitAsync(TimeSpan.FromMinutes(2)));
        await service.StopAsync(CancellationToken.None);

        Assert.Contains("DurableQueues (oslo's [oslo_messaging_rabbit] amqp_durable_queues, now false)", error.Message);
        var line = Assert.Single(logs.Entries, e => e.Level >= LogLevel.Warning);
        Assert.Equal(LogLevel.Error, line.Level);
    }
}
