using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VersionedNotifications.Extensions.Hosting;
using VersionedNotifications.Wire;

namespace VersionedNotifications.RabbitMQ;

/// <summary>Adds the RabbitMQ driver names and a hosted <see cref="RabbitMQNotificationListener"/> to <c>AddVersionedNotifications()</c>.</summary>
public static class RabbitMQNotificationsBuilderExtensions
{
    /// <summary>
    /// Makes <c>messagingv2</c> (and its alias <c>rabbit</c>) and <c>messaging</c> (the v1 body) driver
    /// names, configured by <c>Notifications:TransportUrl</c>, <c>Notifications:ControlExchange</c>,
    /// <c>Notifications:Retry</c> and <c>Notifications:RabbitMQ:*</c>. The options are checked when the host
    /// starts, if a RabbitMQ driver is chosen.
    /// </summary>
    public static VersionedNotificationsBuilder AddRabbitMQ(this VersionedNotificationsBuilder builder, Action<RabbitMQDriverOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration;
        var options = builder.Services.AddOptions<RabbitMQDriverOptions>();
        if (section is not null)
        {
            options.Configure(o => RabbitMQConfiguration.BindDriver(section, o, new List<string>()));
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<RabbitMQDriverOptions>>(sp => new DriverValidator(section, sp.GetRequiredService<IOptions<NotificationDriversOptions>>()));

        builder.AddDriver(RabbitMQNotificationDriver.MessagingV2DriverName, sp => CreateDriver(sp, MessageFormat.MessagingV2));
        builder.AddDriver("rabbit", sp => CreateDriver(sp, MessageFormat.MessagingV2));
        builder.AddDriver(RabbitMQNotificationDriver.MessagingDriverName, sp => CreateDriver(sp, MessageFormat.MessagingV1));
        return builder;
    }

    /// <summary>
    /// Runs a <see cref="RabbitMQNotificationListener"/> as a hosted service, configured by
    /// <c>Notifications:Listener:*</c> (<c>Topics</c>, <c>Priorities</c>, <c>Pool</c>, <c>PrivateQueue</c>,
    /// <c>Prefetch</c>, <c>MaxConcurrency</c>, <c>OnFailure</c>, <c>DeadLetterQueue</c>, <c>RequeueDelay</c>,
    /// <c>EventTypes</c>, <c>Publishers</c>) on the connection of the <c>Notifications</c> section.
    /// </summary>
    /// <param name="builder">The notifications builder.</param>
    /// <param name="handlers">Registers the handlers on the dispatcher, with the services at hand.</param>
    /// <param name="contracts">The contracts messages are read with, such as <c>OpenStackJsonContext.Default</c>.</param>
    public static VersionedNotificationsBuilder AddRabbitMQNotificationListener(
        this VersionedNotificationsBuilder builder,
        Action<NotificationDispatcher, IServiceProvider> handlers,
        params INotificationContracts[] contracts)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(handlers);
        ArgumentNullException.ThrowIfNull(contracts);
        if (contracts.Length == 0)
        {
            throw new ArgumentException("The listener reads messages through contracts: pass at least one, such as OpenStackJsonContext.Default.", nameof(contracts));
        }

        var section = builder.Configuration;
        var options = builder.Services.AddOptions<RabbitMQNotificationListenerOptions>();
        if (section is not null)
        {
            options.Configure(o => RabbitMQConfiguration.BindListener(section, o, new List<string>()));
        }

        options.ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<RabbitMQNotificationListenerOptions>>(new ListenerValidator(section));
        builder.Services.AddSingleton(sp =>
        {
            var reader = new NotificationReader(contracts);
            var dispatcher = new NotificationDispatcher(reader);
            handlers(dispatcher, sp);
            return new RabbitMQNotificationListener(
                sp.GetRequiredService<IOptions<RabbitMQNotificationListenerOptions>>().Value,
                reader,
                dispatcher,
                sp.GetService<ILogger<RabbitMQNotificationListener>>(),
                sp.GetService<IMeterFactory>());
        });
        // One hosted service per transport's listener (a host may run a RabbitMQ and an AMQP 1.0 one side by side).
        builder.Services.AddSingleton<IHostedService>(sp => new NotificationListenerService(sp.GetRequiredService<RabbitMQNotificationListener>(), sp.GetService<ILogger<NotificationListenerService>>()));
        return builder;
    }

    private static RabbitMQNotificationDriver CreateDriver(IServiceProvider services, MessageFormat format)
    {
        var configured = services.GetRequiredService<IOptions<RabbitMQDriverOptions>>().Value;
        var options = new RabbitMQDriverOptions
        {
            TransportUrl = configured.TransportUrl,
            ControlExchange = configured.ControlExchange,
            DurableQueues = configured.DurableQueues,
            AutoDelete = configured.AutoDelete,
            QuorumQueue = configured.QuorumQueue,
            QuorumDeliveryLimit = configured.QuorumDeliveryLimit,
            QuorumMaxMemoryLength = configured.QuorumMaxMemoryLength,
            QuorumMaxMemoryBytes = configured.QuorumMaxMemoryBytes,
            HaQueues = configured.HaQueues,
            FailoverStrategy = configured.FailoverStrategy,
            UseTls = configured.UseTls,
            ConnectionName = configured.ConnectionName,
            RecoveryInterval = configured.RecoveryInterval,
            Format = format,
            BufferCapacity = configured.BufferCapacity,
            BufferFullTimeout = configured.BufferFullTimeout,
            Retry = configured.Retry,
            ShutdownTimeout = configured.ShutdownTimeout,
        };
        return new RabbitMQNotificationDriver(options, services.GetService<ILogger<RabbitMQNotificationDriver>>(), services.GetService<IMeterFactory>());
    }

    private static readonly string[] RabbitDriverNames = [RabbitMQNotificationDriver.MessagingV2DriverName, RabbitMQNotificationDriver.MessagingDriverName, "rabbit"];

    private sealed class DriverValidator(IConfiguration? section, IOptions<NotificationDriversOptions> drivers) : IValidateOptions<RabbitMQDriverOptions>
    {
        public ValidateOptionsResult Validate(string? name, RabbitMQDriverOptions options)
        {
            if (!drivers.Value.Drivers.Any(RabbitDriverNames.Contains))
            {
                return ValidateOptionsResult.Skip;
            }

            var errors = new List<string>();
            if (section is not null)
            {
                RabbitMQConfiguration.BindDriver(section, new RabbitMQDriverOptions(), errors);
            }

            errors.AddRange(options.Validate().Select(e => section is null ? e : RabbitMQConfiguration.ToConfigurationError(section, e)));
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors.Distinct());
        }
    }

    private sealed class ListenerValidator(IConfiguration? section) : IValidateOptions<RabbitMQNotificationListenerOptions>
    {
        public ValidateOptionsResult Validate(string? name, RabbitMQNotificationListenerOptions options)
        {
            var errors = new List<string>();
            if (section is not null)
            {
                RabbitMQConfiguration.BindListener(section, new RabbitMQNotificationListenerOptions(), errors);
            }

            errors.AddRange(options.Validate().Select(e => section is null ? e : RabbitMQConfiguration.ToConfigurationError(section.GetSection("Listener"), e)));
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors.Distinct());
        }
    }
}
