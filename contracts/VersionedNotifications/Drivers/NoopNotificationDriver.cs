using System.Threading;
using System.Threading.Tasks;

namespace VersionedNotifications.Drivers;

/// <summary>Drops every notification: oslo's <c>noop</c> driver and the default when no driver is configured.</summary>
public sealed class NoopNotificationDriver : INotificationDriver
{
    /// <summary>The configuration name, <c>noop</c>.</summary>
    public const string DriverName = "noop";

    /// <inheritdoc/>
    public string Name => DriverName;

    /// <inheritdoc/>
    public ValueTask SendAsync(OutgoingNotification notification, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
