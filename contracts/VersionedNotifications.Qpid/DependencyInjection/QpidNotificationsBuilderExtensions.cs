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
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration;
        var options = builder.Services.AddOptions<QpidDriverOptions>();
        if (section is not null)
        {
            options.Configure(o => QpidConfiguration.BindDriver(section, o, new List<string>()));
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<QpidDriverOptions>>(sp => new DriverValidator(section, sp.GetRequiredService<IOptions<NotificationDriversOptions>>()));

        // Both names share one driver, and its connection.
        builder.Services.AddSingleton(CreateDriver);
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
        var options = builder.Services.AddOptions<QpidNotificationListenerOptions>();
        if (section is not null)
        {
            options.Configure(o => QpidConfiguration.BindListener(section, o, new List<string>()));
        }

        options.ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<QpidNotificationListenerOptions>>(new ListenerValidator(section));
        builder.Services.AddSingleton(sp =>
        {
            var reader = new NotificationReader(contracts);
            var dispatcher = new NotificationDispatcher(reader);
            handlers(dispatcher, sp);
            return new QpidNotificationListener(
                sp.GetRequiredService<IOptions<QpidNotificationListenerOptions>>().Value,
                reader,
                dispatcher,
                sp.GetService<ILogger<QpidNotificationListener>>(),
                sp.GetService<IMeterFactory>());
        });
        // One hosted service per transport's listener (a host may run a RabbitMQ and an AMQP 1.0 one side by side).
        builder.Services.AddSingleton<IHostedService>(sp => new NotificationListenerService(sp.GetRequiredService<QpidNotificationListener>(), sp.GetService<ILogger<NotificationListenerService>>()));
        return builder;
    }

    private static QpidNotificationDriver CreateDriver(IServiceProvider services) =>
        new(services.GetRequiredService<IOptions<QpidDriverOptions>>().Value, services.GetService<ILogger<QpidNotificationDriver>>(), services.GetService<IMeterFactory>());

    private sealed class DriverValidator(IConfiguration? section, IOptions<NotificationDriversOptions> drivers) : IValidateOptions<QpidDriverOptions>
    {
        public ValidateOptionsResult Validate(string? name, QpidDriverOptions options)
        {
            if (!drivers.Value.Drivers.Any(QpidDriverNames.Contains))
            {
                return ValidateOptionsResult.Skip;
            }

            var errors = new List<string>();
            if (section is not null)
            {
                QpidConfiguration.BindDriver(section, new QpidDriverOptions(), errors);
            }

            errors.AddRange(options.Validate().Select(e => section is null ? e : QpidConfiguration.ToConfigurationError(section, e)));
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors.Distinct());
        }
    }

    private sealed class ListenerValidator(IConfiguration? section) : IValidateOptions<QpidNotificationListenerOptions>
    {
        public ValidateOptionsResult Validate(string? name, QpidNotificationListenerOptions options)
        {
            var errors = new List<string>();
            if (section is not null)
            {
                QpidConfiguration.BindListener(section, new QpidNotificationListenerOptions(), errors);
            }

            errors.AddRange(options.Validate().Select(e => section is null ? e : QpidConfiguration.ToConfigurationError(section.GetSection("Listener"), e)));
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors.Distinct());
        }
    }
}
