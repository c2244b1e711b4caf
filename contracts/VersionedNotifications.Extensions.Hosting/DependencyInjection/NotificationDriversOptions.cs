using System.Collections.Generic;

namespace VersionedNotifications.Extensions.Hosting;

/// <summary>
/// The drivers the notifier sends to, by name, as oslo's <c>[oslo_messaging_notifications] driver</c>
/// (a list: several drivers at once). Built in: <c>noop</c>, <c>log</c>, <c>capture</c>;
/// <c>AddRabbitMQ()</c> adds <c>messagingv2</c>, <c>messaging</c> and <c>rabbit</c>. Empty means <c>noop</c>.
/// </summary>
public sealed class NotificationDriversOptions
{
    /// <summary>The driver names, bound from <c>Notifications:Drivers</c>.</summary>
    public IList<string> Drivers { get; set; } = new List<string>();
}
