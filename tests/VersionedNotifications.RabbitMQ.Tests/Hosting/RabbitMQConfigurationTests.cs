using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VersionedNotifications.Extensions.Hosting;
using VersionedNotifications.OpenStack;
using VersionedNotifications.TestSupport;

namespace VersionedNotifications.RabbitMQ.Tests.Hosting;

/// <summary>The configuration suite every transport runs, against RabbitMQ.</summary>
public sealed class RabbitMQConfigurationTests : TransportConfigurationTests
{
    protected override string Section => "RabbitMQ";

    protected override string TransportUrl => "rabbit://u:p@rabbit1:5672,u:p@rabbit2:5672/";

    protected override string DriverName => RabbitMQNotificationDriver.MessagingV2DriverName;

    protected override void AddTransport(VersionedNotificationsBuilder builder) =>
        builder.AddRabbitMQ().AddRabbitMQNotificationListener((_, _) => { }, OpenStackJsonContext.Default);

    protected override NotificationDriverOptions DriverOptions(IServiceProvider services) => services.GetRequiredService<IOptions<RabbitMQDriverOptions>>().Value;

    protected override NotificationListenerOptions ListenerOptions(IServiceProvider services) => services.GetRequiredService<IOptions<RabbitMQNotificationListenerOptions>>().Value;
}
