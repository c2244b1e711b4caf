using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VersionedNotifications.Extensions.Hosting;
using VersionedNotifications.Wire;

namespace VersionedNotifications.Qpid;

/// <summary>Adds the AMQP 1.0 driver names and a hosted <see cref="QpidNotificationListener"/> to <c>AddVersionedNotifications()</c>.</summary>
public static class QpidNotificationsBuilderExtensions
{
    private static readonly string[] QpidDriverNames = [QpidNotificationDriver.DriverName, QpidNotificationDriver.QpidDriverName];

    /// <summary>
    /// Makes <c>amqp</c> (and its alias <c>qpid</c>, Glance's strategy name) driver names, configured by
    /// <c>Notifications:TransportUrl</c> (<c>amqp://user:pass@host:5672/</c>), <c>Notifications:ControlExchange</c>,
    /// <c>Notifications:Retry</c> and <c>Notifications:Qpid:*</c>. The options are checked when the host starts,
    /// if an AMQP 1.0 driver is chosen.
    /// </summary>
    public static VersionedNotificationsBuilder AddQpid(this VersionedNotificationsBuilder builder, Action<QpidDriverOptions>? configure = null)
    {
        TransportRegistration.AddDriverOptions(builder, QpidConfiguration.Section, configure, QpidDriverNames);

        // Both names share one driver, and its connection.
        builder.Services.AddSingleton(static sp => new QpidNotificationDriver(
            sp.GetRequiredService<IOptions<QpidDriverOptions>>().Value,
            sp.GetService<ILogger<QpidNotificationDriver>>(),
            sp.GetService<IMeterFactory>()));
        foreach (var name in QpidDriverNames)
        {
            builder.AddDriver(name, sp => sp.GetRequiredService<QpidNotificationDriver>());
        }

        return builder;
    }

    /// <summary>
    /// Runs a <see cref="QpidNotificationListener"/> as a hosted service, configured by <c>Notifications:Listener:*</c>
    /// (<c>Topics</c>, <c>Priorities</c>, <c>Credit</c>, <c>MaxConcurrency</c>, <c>OnFailure</c>, <c>RequeueDelay</c>, <c>OnUnreadable</c>,
    /// <c>EventTypes</c>, <c>Publishers</c>) on the connection of the <c>Notifications</c> section.
    /// </summary>
    /// <param name="builder">The notifications builder.</param>
    /// <param name="handlers">Registers the handlers on the dispatcher, with the services at hand.</param>
    /// <param name="contracts">The contracts messages are read with, such as <c>OpenStackJsonContext.Default</c>.</param>
    public static VersionedNotificationsBuilder AddQpidNotificationListener(
        this VersionedNotificationsBuilder builder, Action<NotificationDispatcher, IServiceProvider> handlers, params INotificationContracts[] contracts) =>
        TransportRegistration.AddListener(builder, QpidConfiguration.Section, handlers, contracts, static (sp, options, reader, dispatcher) =>
            new QpidNotificationListener(options, reader, dispatcher, sp.GetService<ILogger<QpidNotificationListener>>(), sp.GetService<IMeterFactory>()));
}
