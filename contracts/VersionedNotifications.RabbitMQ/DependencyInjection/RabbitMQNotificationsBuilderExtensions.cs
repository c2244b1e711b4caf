using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VersionedNotifications.Extensions.Hosting;
using VersionedNotifications.Wire;

namespace VersionedNotifications.RabbitMQ;

/// <summary>Adds the RabbitMQ driver names and a hosted <see cref="RabbitMQNotificationListener"/> to <c>AddVersionedNotifications()</c>.</summary>
public static class RabbitMQNotificationsBuilderExtensions
{
    private const string RabbitDriverName = "rabbit";

    private static readonly string[] RabbitDriverNames = [RabbitMQNotificationDriver.MessagingV2DriverName, RabbitMQNotificationDriver.MessagingDriverName, RabbitDriverName];

    /// <summary>
    /// Makes <c>messagingv2</c> (and its alias <c>rabbit</c>) and <c>messaging</c> (the v1 body) driver
    /// names, configured by <c>Notifications:TransportUrl</c>, <c>Notifications:ControlExchange</c>,
    /// <c>Notifications:Retry</c> and <c>Notifications:RabbitMQ:*</c>. The options are checked when the host
    /// starts, if a RabbitMQ driver is chosen.
    /// </summary>
    public static VersionedNotificationsBuilder AddRabbitMQ(this VersionedNotificationsBuilder builder, Action<RabbitMQDriverOptions>? configure = null)
    {
        TransportRegistration.AddDriverOptions(builder, RabbitMQConfiguration.Section, configure, RabbitDriverNames);
        builder.AddDriver(RabbitMQNotificationDriver.MessagingV2DriverName, sp => CreateDriver(sp, MessageFormat.MessagingV2));
        builder.AddDriver(RabbitDriverName, sp => CreateDriver(sp, MessageFormat.MessagingV2));
        builder.AddDriver(RabbitMQNotificationDriver.MessagingDriverName, sp => CreateDriver(sp, MessageFormat.MessagingV1));
        return builder;
    }

    /// <summary>
    /// Runs a <see cref="RabbitMQNotificationListener"/> as a hosted service, configured by
    /// <c>Notifications:Listener:*</c> (<c>Topics</c>, <c>Priorities</c>, <c>Pool</c>, <c>PrivateQueue</c>,
    /// <c>Prefetch</c>, <c>MaxConcurrency</c>, <c>OnFailure</c>, <c>DeadLetterQueue</c>, <c>RequeueDelay</c>,
    /// <c>OnUnreadable</c>, <c>EventTypes</c>, <c>Publishers</c>) on the connection of the <c>Notifications</c> section.
    /// </summary>
    /// <param name="builder">The notifications builder.</param>
    /// <param name="handlers">Registers the handlers on the dispatcher, with the services at hand.</param>
    /// <param name="contracts">The contracts messages are read with, such as <c>OpenStackJsonContext.Default</c>.</param>
    public static VersionedNotificationsBuilder AddRabbitMQNotificationListener(
        this VersionedNotificationsBuilder builder, Action<NotificationDispatcher, IServiceProvider> handlers, params INotificationContracts[] contracts) =>
        TransportRegistration.AddListener(builder, RabbitMQConfiguration.Section, handlers, contracts, static (sp, options, reader, dispatcher) =>
            new RabbitMQNotificationListener(options, reader, dispatcher, sp.GetService<ILogger<RabbitMQNotificationListener>>(), sp.GetService<IMeterFactory>()));

    private static RabbitMQNotificationDriver CreateDriver(IServiceProvider services, MessageFormat format) => new(
        services.GetRequiredService<IOptions<RabbitMQDriverOptions>>().Value.WithFormat<RabbitMQDriverOptions>(format),
        services.GetService<ILogger<RabbitMQNotificationDriver>>(),
        services.GetService<IMeterFactory>());
}
