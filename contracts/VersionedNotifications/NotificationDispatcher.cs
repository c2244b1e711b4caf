using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace VersionedNotifications;

/// <summary>What <see cref="NotificationDispatcher"/> did with a message.</summary>
public enum DispatchOutcome
{
    /// <summary>At least one handler registered for its event type or payload type ran.</summary>
    Handled,

    /// <summary>No typed handler matched; the fallback ran, if there is one.</summary>
    Unhandled,
}

/// <summary>
/// Routes read notifications to typed handlers: per event type, per payload type, and a fallback that
/// receives every other message (unknown event types, unsupported payloads, malformed bytes), raw
/// bytes included. Handlers run in registration order; an exception from a handler propagates, so the
/// caller (a listener) can requeue or dead-letter the message.
/// </summary>
public sealed class NotificationDispatcher
{
    private readonly NotificationReader _reader;
    private readonly Dictionary<string, List<Func<Notification, CancellationToken, ValueTask<bool>>>> _byEventType = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, List<Func<Notification, CancellationToken, ValueTask<bool>>>> _byPayloadType = new();
    private readonly List<Func<NotificationReadResult, CancellationToken, ValueTask>> _fallbacks = new();

    /// <summary>A dispatcher that reads messages with <paramref name="reader"/>.</summary>
    public NotificationDispatcher(NotificationReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _reader = reader;
    }

    /// <summary>Handles <paramref name="eventType"/> when it carries its typed payload.</summary>
    public NotificationDispatcher On<TPayload>(EventType<TPayload> eventType, Func<Notification<TPayload>, CancellationToken, ValueTask> handler)
        where TPayload : class
    {
        ArgumentNullException.ThrowIfNull(eventType);
        Add(_byEventType, eventType.Name, Typed(handler));
        return this;
    }

    /// <summary>Handles <paramref name="eventType"/> when it carries a plain text message (Glance's WARN and ERROR).</summary>
    public NotificationDispatcher OnText(EventTypeInfo eventType, Func<Notification<string>, CancellationToken, ValueTask> handler)
    {
        ArgumentNullException.ThrowIfNull(eventType);
        Add(_byEventType, eventType.Name, Typed(handler));
        return this;
    }

    /// <summary>Handles every event type whose payload is exactly <typeparamref name="TPayload"/>.</summary>
    public NotificationDispatcher OnPayload<TPayload>(Func<Notification<TPayload>, CancellationToken, ValueTask> handler)
        where TPayload : class
    {
        Add(_byPayloadType, typeof(TPayload), Typed(handler));
        return this;
    }

    /// <summary>Receives every message no typed handler took, with the read result and its bytes.</summary>
    public NotificationDispatcher OnUnhandled(Func<NotificationReadResult, CancellationToken, ValueTask> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _fallbacks.Add(handler);
        return this;
    }

    /// <summary>Whether a fallback (<see cref="OnUnhandled"/>) receives what no typed handler took; a listener lets go of such messages only then without a word.</summary>
    public bool HasFallback => _fallbacks.Count > 0;

    /// <summary>Reads <paramref name="message"/> and dispatches it.</summary>
    public ValueTask<DispatchOutcome> DispatchAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken = default) =>
        DispatchAsync(_reader.Read(message), cancellationToken);

    /// <summary>Dispatches a message already read.</summary>
    public async ValueTask<DispatchOutcome> DispatchAsync(NotificationReadResult result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result is DecodedNotification decoded)
        {
            var handled = false;
            if (_byEventType.TryGetValue(decoded.EventTypeInfo.Name, out var eventHandlers))
            {
                foreach (var handler in eventHandlers)
                {
                    handled |= await handler(decoded.Notification, cancellationToken).ConfigureAwait(false);
                }
            }

            if (_byPayloadType.TryGetValue(decoded.Notification.PayloadValue.GetType(), out var payloadHandlers))
            {
                foreach (var handler in payloadHandlers)
                {
                    handled |= await handler(decoded.Notification, cancellationToken).ConfigureAwait(false);
                }
            }

            if (handled)
            {
                return DispatchOutcome.Handled;
            }
        }

        foreach (var fallback in _fallbacks)
        {
            await fallback(result, cancellationToken).ConfigureAwait(false);
        }

        return DispatchOutcome.Unhandled;
    }

    private static Func<Notification, CancellationToken, ValueTask<bool>> Typed<TPayload>(Func<Notification<TPayload>, CancellationToken, ValueTask> handler)
        where TPayload : class
    {
        ArgumentNullException.ThrowIfNull(handler);
        return async (notification, cancellationToken) =>
        {
            if (notification is not Notification<TPayload> typed)
            {
                return false;
            }

            await handler(typed, cancellationToken).ConfigureAwait(false);
            return true;
        };
    }

    private static void Add<TKey>(Dictionary<TKey, List<Func<Notification, CancellationToken, ValueTask<bool>>>> handlers, TKey key, Func<Notification, CancellationToken, ValueTask<bool>> handler)
        where TKey : notnull
    {
        if (!handlers.TryGetValue(key, out var list))
        {
            list = new List<Func<Notification, CancellationToken, ValueTask<bool>>>();
            handlers.Add(key, list);
        }

        list.Add(handler);
    }
}
