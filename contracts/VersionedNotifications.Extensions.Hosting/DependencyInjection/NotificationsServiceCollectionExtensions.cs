using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VersionedNotifications;
using VersionedNotifications.Drivers;
using VersionedNotifications.Extensions.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary><c>services.AddVersionedNotifications(configuration)</c>: the notifier, its drivers and their options.</summary>
public static class NotificationsServiceCollectionExtensions
{
    /// <summary>The configuration section read when the root configuration is given.</summary>
    public const string SectionName = "Notifications";

    /// <summary>
    /// Registers <see cref="INotifier"/> (a singleton <see cref="Notifier"/>) with the drivers named by
    /// <c>Notifications:Drivers</c> and the options of the <c>Notifications</c> section: <c>Level</c>,
    /// <c>Topics</c>, <c>PublisherId</c> (or <c>Service</c> and <c>Host</c>), <c>DisabledEventTypes</c>,
    /// <c>Retry</c>, <c>MaskSecrets</c>. Every value is checked when the host starts; a bad one stops it
    /// with an <see cref="OptionsValidationException"/> naming the key (<c>Notifications:Level: 'loud' is not a level; ...</c>).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The root configuration (its <c>Notifications</c> section is read) or the section itself; <see langword="null"/> for code-only options.</param>
    /// <param name="configure">Changes the options after the configuration is applied.</param>
    /// <remarks>Call it once with the configuration; later calls (a library adding its driver) add to the first registration.</remarks>
    public static VersionedNotificationsBuilder AddVersionedNotifications(this IServiceCollection services, IConfiguration? configuration = null, Action<NotifierOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var section = configuration switch
        {
            null => null,
            IConfigurationSection named => named,
            _ => configuration.GetSection(SectionName),
        };

        if (services.FirstOrDefault(d => d.ServiceType == typeof(NotificationDriverRegistry))?.ImplementationInstance is NotificationDriverRegistry existing)
        {
            // A second call (a library adding a driver, say) adds to the first: one notifier, one set of options.
            if (configure is not null)
            {
                services.Configure(configure);
            }

            return new VersionedNotificationsBuilder(services, section ?? existing.Section, existing);
        }

        var registry = new NotificationDriverRegistry(section);
        services.AddSingleton(registry);
        registry.Add(NoopNotificationDriver.DriverName, _ => new NoopNotificationDriver());
        registry.Add(LogNotificationDriver.DriverName, sp => new LogNotificationDriver(sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance));
        registry.Add(CaptureNotificationDriver.DriverName, sp => sp.GetRequiredService<CaptureNotificationDriver>());
        services.TryAddSingleton(_ => new CaptureNotificationDriver());

        var notifier = services.AddOptions<NotifierOptions>();
        if (section is not null)
        {
            notifier.Configure(options => NotificationsConfiguration.Bind(section, options, new List<string>()));
        }

        if (configure is not null)
        {
            notifier.Configure(configure);
        }

        notifier.ValidateOnStart();
        services.AddSingleton<IValidateOptions<NotifierOptions>>(new NotifierOptionsValidator(section));

        var drivers = services.AddOptions<NotificationDriversOptions>();
        if (section is not null)
        {
            drivers.Configure(options =>
            {
                if (NotificationsConfiguration.ReadDrivers(section) is { } names)
                {
                    options.Drivers = names;
                }
            });
        }

        drivers.ValidateOnStart();
        services.AddSingleton<IValidateOptions<NotificationDriversOptions>>(new NotificationDriversValidator(registry, section));

        services.TryAddSingleton(sp => new NotificationDriverSet(sp, registry, sp.GetRequiredService<IOptions<NotificationDriversOptions>>().Value));
        services.TryAddSingleton(sp => new Notifier(
            sp.GetRequiredService<IOptions<NotifierOptions>>().Value,
            sp.GetRequiredService<NotificationDriverSet>().Drivers,
            sp.GetService<ILogger<Notifier>>(),
            sp.GetService<IMeterFactory>()));
        services.TryAddSingleton<INotifier>(sp => sp.GetRequiredService<Notifier>());
        return new VersionedNotificationsBuilder(services, section, registry);
    }

    /// <summary>Checks the notifier options, naming configuration keys.</summary>
    private sealed class NotifierOptionsValidator(IConfiguration? section) : IValidateOptions<NotifierOptions>
    {
        public ValidateOptionsResult Validate(string? name, NotifierOptions options)
        {
            var errors = new List<string>();
            if (section is not null)
            {
                NotificationsConfiguration.Bind(section, new NotifierOptions(), errors);
            }

            errors.AddRange(options.Validate().Select(error => section is null ? error : ConfigurationValues.ToConfigurationError(section, error)));
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors.Distinct());
        }
    }

    /// <summary>Checks that every driver name is known.</summary>
    private sealed class NotificationDriversValidator(NotificationDriverRegistry registry, IConfiguration? section) : IValidateOptions<NotificationDriversOptions>
    {
        public ValidateOptionsResult Validate(string? name, NotificationDriversOptions options)
        {
            var errors = new List<string>();
            for (var i = 0; i < options.Drivers.Count; i++)
            {
                var driver = options.Drivers[i];
                if (!registry.Contains(driver))
                {
                    var key = section is null ? $"Drivers[{i}]" : ConfigurationValues.PathOf(section, "Drivers:" + i);
                    var hint = driver is "messagingv2" or "messaging" or "rabbit" ? " (call AddRabbitMQ() on the builder to add it)" : string.Empty;
                    errors.Add($"{key}: unknown driver '{driver}'{hint}; the known drivers are {string.Join(", ", registry.Names)}");
                }
            }

            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }
}
