using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VersionedNotifications;
using VersionedNotifications.Extensions.Hosting;
using VersionedNotifications.OpenStack;
using VersionedNotifications.OpenStack.Ironic;
using VersionedNotifications.RabbitMQ;

// One host, configured as ironic.conf would be, that emits an ironic notification through the
// messagingv2 driver and receives it with the hosted listener: RabbitMQ at the URL given as the argument.
var url = args.Length > 0 ? args[0] : "rabbit://guest:guest@127.0.0.1:5672/";
var builder = Host.CreateApplicationBuilder();
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Notifications:Level"] = "info",
    ["Notifications:Drivers"] = "messagingv2",
    ["Notifications:Service"] = "ironic-conductor",
    ["Notifications:Host"] = "package-host",
    ["Notifications:Topics"] = "ironic_versioned_notifications",
    ["Notifications:TransportUrl"] = url,
    ["Notifications:ControlExchange"] = "ironic-" + Guid.NewGuid().ToString("N")[..8],
    ["Notifications:Listener:PrivateQueue"] = "true",
});

var received = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
builder.Services.AddVersionedNotifications(builder.Configuration)
    .AddRabbitMQ()
    .AddRabbitMQNotificationListener(
        (dispatcher, _) => dispatcher.On(EventTypes.Baremetal.Node.PowerSet.End, (n, _) =>
        {
            received.TrySetResult($"received {n.EventType} {n.Priority} from {n.Header.PublisherId}: node {n.Payload.Uuid} {n.Payload.PowerState}");
            return ValueTask.CompletedTask;
        }),
        OpenStackJsonContext.Default);

using var host = builder.Build();
await host.StartAsync();
var listening = host.Services.GetServices<IHostedService>().OfType<NotificationListenerService>().Single();
await listening.Started.WaitAsync(TimeSpan.FromSeconds(30));

// The payload of a message the real ironic code sent, emitted again by this service.
var reader = new NotificationReader(OpenStackJsonContext.Default);
var message = (DecodedNotification)reader.Read(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "message.json")));
var payload = ((Notification<NodeSetPowerStatePayload>)message.Notification).Payload;
var notifier = host.Services.GetRequiredService<INotifier>();
await notifier.EmitAsync(EventTypes.Baremetal.Node.PowerSet.End, payload);
await notifier.FlushAsync();

Console.WriteLine(await received.Task.WaitAsync(TimeSpan.FromSeconds(30)));
await host.StopAsync();
return 0;
