using System;
using System.Threading;
using System.Threading.Tasks;

namespace VersionedNotifications;

/// <summary>
/// Emits typed notifications. The event type fixes the payload type and the priority, so
/// <c>EmitAsync(EventTypes.Baremetal.Node.PowerSet.Start, payload)</c> only compiles with a
/// <c>NodeSetPowerStatePayload</c>. Emitting never throws into the caller: failures are logged and
/// counted (<see cref="Notifier.Statistics"/>, the <c>VersionedNotifications</c> meter). Only the
/// caller's own cancellation ends an emit with an <see cref="OperationCanceledException"/>.
/// </summary>
public interface INotifier
{
    /// <summary>Whether a notification of <paramref name="eventType"/> at <paramref name="priority"/> would be emitted (level and disabled event types).</summary>
    bool IsEnabled(string eventType, NotificationPriority priority);

    /// <summary>Emits <paramref name="payload"/> as <paramref name="eventType"/>, at its priority.</summary>
    ValueTask EmitAsync<TPayload>(EventType<TPayload> eventType, TPayload payload, CancellationToken cancellationToken = default)
        where TPayload : class, INotificationPayload<TPayload>;

    /// <summary>
    /// Emits the payload <paramref name="payloadFactory"/> builds, which is called only when the level
    /// and the disabled event types let the notification through. An exception from the factory is
    /// logged and counted like any failure.
    /// </summary>
    ValueTask EmitAsync<TPayload>(EventType<TPayload> eventType, Func<TPayload> payloadFactory, CancellationToken cancellationToken = default)
        where TPayload : class, INotificationPayload<TPayload>;

    /// <summary>
    /// Emits a plain text message as <paramref name="eventType"/> at <paramref name="priority"/>, one of
    /// the event type's <see cref="EventTypeInfo.TextPriorities"/> (Glance's WARN and ERROR messages).
    /// </summary>
    /// <exception cref="ArgumentException">The event type carries no text at <paramref name="priority"/>: a programming mistake.</exception>
    ValueTask EmitTextAsync(EventTypeInfo eventType, NotificationPriority priority, string message, CancellationToken cancellationToken = default);

    /// <summary>Emits a notification built by the caller (its own header, context or publisher id), after the same filters.</summary>
    ValueTask EmitAsync(Notification notification, CancellationToken cancellationToken = default);

    /// <summary>Completes when every driver has delivered (or given up on) everything emitted so far.</summary>
    ValueTask FlushAsync(CancellationToken cancellationToken = default);
}
