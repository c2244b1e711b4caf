using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VersionedNotifications.Extensions.Hosting;
using VersionedNotifications.OpenStack;
using VersionedNotifications.TestSupport;

namespace VersionedNotifications.Qpid.Tests.Hosting;

/// <summary>The configuration suite every transport runs, against AMQP 1.0.</summary>
public sealed class QpidConfigurationTests : TransportConfigurationTests
{
    protected override string Section => "Qpid";

    protected override string TransportUrl => "amqp://u:p@qpid1:5672,u:p@qpid2:5672/";

    protected override string DriverName => QpidNotificationDriver.DriverName;

    protected override void AddTransport(VersionedNotificationsBuilder builder) =>
        builder.AddQpid().AddQpidNotificationListener((_, _) => { }, OpenStackJsonContext.Default);

    protected override NotificationDriverOptions DriverOptions(IServiceProvider services) => services.GetRequiredService<IOptions<QpidDriverOptions>>().Value;

    protected override NotificationListenerOptions ListenerOptions(IServiceProvider services) => services.GetRequiredService<IOptions<QpidNotificationListenerOptions>>().Value;
}
