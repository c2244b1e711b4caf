using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VersionedNotifications.Wire;

namespace VersionedNotifications.Extensions.Hosting;

/// <summary>
/// What every transport registers on <c>AddVersionedNotifications()</c>, the same way: its driver's options, read from the
/// configuration and checked when the host starts if one of its drivers is chosen, and a listener run as a hosted service.
/// </summary>
internal static class TransportRegistration
{
    /// <summary>Registers the driver's options: the configuration first, then <paramref name="configure"/>; checked on start when one of <paramref name="driverNames"/> is chosen.</summary>
    public static void AddDriverOptions<TDriver, TListener>(
        VersionedNotificationsBuilder builder,
        TransportSection<TDriver, TListener> transport,
        Action<TDriver>? configure,
        IReadOnlyCollection<string> driverNames)
        where TDriver : NotificationDriverOptions, new()
        where TListener : NotificationListenerOptions
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration;
        var options = builder.Services.AddOptions<TDriver>();
        if (section is not null)
        {
            options.Configure(o => transport.BindDriver(section, o, new List<string>()));
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<TDriver>>(sp => new OptionsValidator<TDriver>(
            () => sp.GetRequiredService<IOptions<NotificationDriversOptions>>().Value.Drivers.Any(driverNames.Contains),
            section,
            (s, errors) => transport.BindDriver(s, new TDriver(), errors),
            (s, error) => transport.ToConfigurationError(s, error)));
    }

    /// <summary>
    /// Registers a listener made by <paramref name="create"/> with options from <c>Notifications:Listener</c>, its handlers,
    /// and a hosted service that runs it (one per transport: a host may run a RabbitMQ and an AMQP 1.0 one side by side).
    /// </summary>
    /// <exception cref="ArgumentException">No contracts were given.</exception>
    public static VersionedNotificationsBuilder AddListener<TDriver, TListener, TService>(
        VersionedNotificationsBuilder builder,
        TransportSection<TDriver, TListener> transport,
        Action<NotificationDispatcher, IServiceProvider> handlers,
        INotificationContracts[] contracts,
        Func<IServiceProvider, TListener, NotificationReader, NotificationDispatcher, TService> create)
        where TDriver : NotificationDriverOptions
        where TListener : NotificationListenerOptions, new()
        where TService : class, INotificationListener
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(handlers);
        ArgumentNullException.ThrowIfNull(contracts);
        if (contracts.Length == 0)
        {
            throw new ArgumentException("The listener reads messages through contracts: pass at least one, such as OpenStackJsonContext.Default.", nameof(contracts));
        }

        var section = builder.Configuration;
        var options = builder.Services.AddOptions<TListener>();
        if (section is not null)
        {
            options.Configure(o => transport.BindListener(section, o, new List<string>()));
        }

        options.ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<TListener>>(new OptionsValidator<TListener>(
            () => true,
            section,
            (s, errors) => transport.BindListener(s, new TListener(), errors),
            (s, error) => transport.ToConfigurationError(s.GetSection("Listener"), error)));
        builder.Services.AddSingleton(sp =>
        {
            var reader = new NotificationReader(contracts);
            var dispatcher = new NotificationDispatcher(reader);
            handlers(dispatcher, sp);
            return create(sp, sp.GetRequiredService<IOptions<TListener>>().Value, reader, dispatcher);
        });
        builder.Services.AddSingleton<IHostedService>(sp => new NotificationListenerService(sp.GetRequiredService<TService>(), sp.GetService<ILogger<NotificationListenerService>>()));
        return builder;
    }

    /// <summary>
    /// Checks a transport's options when they are used: what the configuration could not read (a key with a value of the
    /// wrong kind, named by its path) and what the options find wrong with themselves, named by the key they are set at.
    /// </summary>
    private sealed class OptionsValidator<TOptions>(
        Func<bool> applies,
        IConfiguration? section,
        Action<IConfiguration, List<string>> bind,
        Func<IConfiguration, string, string> toConfigurationError) : IValidateOptions<TOptions>
        where TOptions : NotificationTransportOptions
    {
        public ValidateOptionsResult Validate(string? name, TOptions options)
        {
            if (!applies())
            {
                return ValidateOptionsResult.Skip;
            }

            var errors = new List<string>();
            if (section is not null)
            {
                bind(section, errors);
            }

            errors.AddRange(options.Validate().Select(e => section is null ? e : toConfigurationError(section, e)));
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors.Distinct());
        }
    }
}
