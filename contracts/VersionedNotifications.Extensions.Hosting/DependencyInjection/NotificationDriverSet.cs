using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using VersionedNotifications.Drivers;

namespace VersionedNotifications.Extensions.Hosting;

/// <summary>The drivers configured for the notifier, made once and disposed with the container (flushing what they hold).</summary>
internal sealed class NotificationDriverSet : IAsyncDisposable, IDisposable
{
    public NotificationDriverSet(IServiceProvider services, NotificationDriverRegistry registry, NotificationDriversOptions options)
    {
        var names = options.Drivers.Count == 0 ? new[] { NoopNotificationDriver.DriverName } : options.Drivers.Distinct(StringComparer.Ordinal);
        Drivers = names.Select(name => registry.Create(name, services)).ToArray();
    }

    public IReadOnlyList<INotificationDriver> Drivers { get; }

    public async ValueTask DisposeAsync()
    {
        foreach (var driver in Drivers)
        {
            switch (driver)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync().ConfigureAwait(false);
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
