using System;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VersionedNotifications.Drivers;

namespace VersionedNotifications.Extensions.Hosting;

/// <summary>Adds drivers (and, with the RabbitMQ package, transports and listeners) to a service collection's notifications.</summary>
public sealed class VersionedNotificationsBuilder
{
    private readonly NotificationDriverRegistry _registry;

    internal VersionedNotificationsBuilder(IServiceCollection services, IConfiguration? section, NotificationDriverRegistry registry)
    {
        Services = services;
        Configuration = section;
        _registry = registry;
    }

    /// <summary>The service collection.</summary>
    public IServiceCollection Services { get; }

    /// <summary>The <c>Notifications</c> section the options are bound from, if any.</summary>
    public IConfiguration? Configuration { get; }

    /// <summary>Makes <paramref name="name"/> a driver name that <c>Notifications:Drivers</c> can choose; the factory runs once, when the notifier is first resolved.</summary>
    /// <exception cref="ArgumentException">The name is empty or has white space or a comma.</exception>
    public VersionedNotificationsBuilder AddDriver(string name, Func<IServiceProvider, INotificationDriver> factory)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(factory);
        if (name.Length == 0 || name.AsSpan().IndexOfAny(" \t\r\n,") >= 0)
        {
            throw new ArgumentException($"'{name}' cannot be a driver name: it must be non-empty, without white space or commas.", nameof(name));
        }

        _registry.Add(name, factory);
        return this;
    }
}
