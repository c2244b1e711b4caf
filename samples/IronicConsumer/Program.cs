using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using VersionedNotifications;
using VersionedNotifications.Extensions.Hosting;
using VersionedNotifications.OpenStack;
using VersionedNotifications.OpenStack.Ironic;
using VersionedNotifications.RabbitMQ;

// A service that follows ironic's nodes: it binds a pool queue to ironic's topic on the "ironic" exchange,
// as oslo.messaging's notification listener would, and gets typed payloads. The settings are ironic.conf's
// ([oslo_messaging_notifications] topics, transport_url, [DEFAULT] control_exchange), under "Notifications".
// `count=N` stops after N notifications (the sample's test uses it); without it, Ctrl+C stops. `BrokerWait=S`: how
// many seconds to wait for the broker before giving up with one line and exit code 1 (default 30).
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
var stopAfter = builder.Configuration.GetValue("count", 0);
var seen = 0;

builder.Services.AddVersionedNotifications(builder.Configuration)
    .AddRabbitMQ()
    .AddRabbitMQNotificationListener(
        (dispatcher, services) =>
        {
            var lifetime = services.GetRequiredService<IHostApplicationLifetime>();
            ValueTask Seen()
            {
                if (Interlocked.Increment(ref seen) == stopAfter)
                {
                    lifetime.StopApplication();
                }

                return ValueTask.CompletedTask;
            }

            dispatcher
                .On(EventTypes.Baremetal.Node.PowerSet.Start, (n, _) => Print(n, $"power {n.Payload.PowerState} -> {n.Payload.ToPower} requested"))
                .On(EventTypes.Baremetal.Node.PowerSet.End, (n, _) => Print(n, $"power is {n.Payload.PowerState}"))
                .On(EventTypes.Baremetal.Node.PowerSet.Error, (n, _) => Print(n, $"power change to {n.Payload.ToPower} failed: {n.Payload.LastError}"))
                .On(EventTypes.Baremetal.Node.PowerStateCorrected.Success, (n, _) => Print(n, $"power corrected from {n.Payload.FromPower} to {n.Payload.PowerState}"))
                .On(EventTypes.Baremetal.Node.ProvisionSet.End, (n, _) => Print(n, $"provision {n.Payload.PreviousProvisionState} -> {n.Payload.ProvisionState} on '{n.Payload.Event}'"))
                .On(EventTypes.Baremetal.Node.MaintenanceSet.End, (n, _) => Print(n, $"maintenance {n.Payload.Maintenance} ({n.Payload.MaintenanceReason ?? "no reason"})"))
                .On(EventTypes.Baremetal.Port.Create.End, (n, _) => Print(n, $"port {n.Payload.Address} on node {n.Payload.NodeUuid}"))
                .OnUnhandled((result, _) =>
                {
                    // Every other message, kept whole: another event type, a newer major version, bad JSON.
                    Console.WriteLine(result switch
                    {
                        DecodedNotification decoded => $"{decoded.Notification.EventType}: not followed here",
                        UnsupportedNotification unsupported => $"{unsupported.Header.EventType}: cannot read it ({unsupported.Detail})",
                        MalformedNotification malformed => $"a malformed message at {malformed.JsonPath}: {malformed.Reason}",
                        _ => result.ToString(),
                    });
                    return Seen();
                });

            ValueTask Print<TPayload>(Notification<TPayload> notification, string what)
                where TPayload : class, INotificationPayload<TPayload>
            {
                var node = notification.Payload switch
                {
                    NodePayload payload => payload.Uuid.ToString(),
                    _ => null,
                };
                Console.WriteLine($"{notification.EventType} from {notification.Header.PublisherId}: {(node is null ? "" : $"node {node}: ")}{what}");
                return Seen();
            }
        },
        OpenStackJsonContext.Default);

var brokerWait = TimeSpan.FromSeconds(builder.Configuration.GetValue("BrokerWait", 30));

using var host = builder.Build();
return await host.RunOrExplainConfigurationAsync(
    Console.Error,
    (services, cancellationToken) => RabbitMQBroker.WaitAsync(services.GetRequiredService<IOptions<RabbitMQNotificationListenerOptions>>().Value, brokerWait, cancellationToken));
