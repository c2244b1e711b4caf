using System;
using System.Collections.Generic;
using System.Linq;
using VersionedNotifications.Drivers;

namespace VersionedNotifications.Extensions.Hosting;

/// <summary>The driver names a service collection knows, and how to make each driver.</summary>
internal sealed class NotificationDriverRegistry(Microsoft.Extensions.Configuration.IConfiguration? section)
{
    /// <summary>The <c>Notifications</c> section of the first registration.</summary>
    public Microsoft.Extensions.Configuration.IConfiguration? Section => section;

    private readonly Dictionary<string, Func<IServiceProvider, INotificationDriver>> _factories = new(StringComparer.Ordinal);

    public IEnumerable<string> Names => _factories.Keys.Order(StringComparer.Ordinal);

    public void Add(string name, Func<IServiceProvider, INotificationDriver> factory) => _factories[name] = factory;

    public bool Contains(string name) => _factories.ContainsKey(name);

    public INotificationDriver Create(string name, IServiceProvider services) => _factories[name](services);
}
