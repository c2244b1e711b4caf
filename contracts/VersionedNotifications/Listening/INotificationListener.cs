using System.Threading;
using System.Threading.Tasks;

namespace VersionedNotifications;

/// <summary>
/// A consumer of notifications on a message bus (RabbitMQ's <c>NotificationListener</c>, the AMQP 1.0
/// one), which a host starts and stops: <c>VersionedNotifications.Extensions.Hosting</c> runs one as a
/// hosted service.
/// </summary>
public interface INotificationListener
{
    /// <summary>Connects and starts consuming; once started, the listener reconnects by itself.</summary>
    /// <exception cref="BrokerUnavailableException">The bus cannot be reached or refused what the listener declares; the host tries again.</exception>
    Task StartAsync(CancellationToken cancellationToken = default);

    /// <summary>Stops consuming and waits for the running handlers (cancelling them when <paramref name="cancellationToken"/> fires).</summary>
    Task StopAsync(CancellationToken cancellationToken = default);
}
