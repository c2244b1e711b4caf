using System.Threading;
using System.Threading.Tasks;

namespace VersionedNotifications.Drivers;

/// <summary>
/// Where a <see cref="Notifier"/> sends notifications: a log, a message bus, a list kept for tests.
/// A driver receives each notification once, already filtered by level and masked, with the topics it
/// goes to; it decides what a topic means for it.
/// </summary>
public interface INotificationDriver
{
    /// <summary>The name the driver is chosen by in configuration (<c>noop</c>, <c>log</c>, <c>messagingv2</c>, ...).</summary>
    string Name { get; }

    /// <summary>
    /// Delivers one notification. An exception means the delivery failed and may be tried again by
    /// the notifier's retry policy; the notifier never passes it on to the code that emitted.
    /// </summary>
    ValueTask SendAsync(OutgoingNotification notification, CancellationToken cancellationToken);

    /// <summary>
    /// Whether the driver retries its own deliveries (a broker driver publishes again from its buffer, by its own
    /// retry policy). The notifier then does not try it again when it throws: each delivery has one retry owner.
    /// </summary>
    bool RetriesDeliveries => false;

    /// <summary>Completes when everything handed to the driver so far has been delivered (or given up).</summary>
    ValueTask FlushAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
