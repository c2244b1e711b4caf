using System;
using System.Collections.Generic;
using System.Linq;

namespace VersionedNotifications.RabbitMQ;

/// <summary>
/// The messages published on one channel that wait for the broker's confirm, by publish sequence number.
/// The driver tracks confirms itself rather than through RabbitMQ.Client's tracking, which adds an
/// <c>x-dotnet-pub-seq-no</c> header to every message: oslo's messages carry no header, and neither do ours.
/// Each message leaves the tracker once: confirmed, nacked, or failed with its channel.
/// </summary>
internal sealed class ConfirmTracker(Action<PendingMessage> confirmed, Action<PendingMessage, Exception> failed)
{
    private readonly SortedDictionary<ulong, PendingMessage> _waiting = new();
    private readonly object _lock = new();

    public void Add(ulong sequenceNumber, PendingMessage message)
    {
        PendingMessage? stale;
        lock (_lock)
        {
            // A recovered channel counts from 1 again; an entry still here belongs to the closed one.
            _waiting.Remove(sequenceNumber, out stale);
            _waiting.Add(sequenceNumber, message);
        }

        if (stale is not null)
        {
            failed(stale, new InvalidOperationException("the channel was recovered before the broker confirmed"));
        }
    }

    /// <summary>Takes the message back when its publish failed before it reached the broker; false when a confirm or shutdown took it first.</summary>
    public bool Remove(ulong sequenceNumber)
    {
        lock (_lock)
        {
            return _waiting.Remove(sequenceNumber);
        }
    }

    public void Ack(ulong deliveryTag, bool multiple)
    {
        foreach (var message in Take(deliveryTag, multiple))
        {
            confirmed(message);
        }
    }

    public void Nack(ulong deliveryTag, bool multiple)
    {
        foreach (var message in Take(deliveryTag, multiple))
        {
            failed(message, new InvalidOperationException("the broker nacked the message"));
        }
    }

    /// <summary>The channel closed: no confirm will come for what waits, so it fails (and is published again).</summary>
    public void FailAll(Exception reason)
    {
        PendingMessage[] messages;
        lock (_lock)
        {
            messages = _waiting.Values.ToArray();
            _waiting.Clear();
        }

        foreach (var message in messages)
        {
            failed(message, reason);
        }
    }

    private List<PendingMessage> Take(ulong deliveryTag, bool multiple)
    {
        var taken = new List<PendingMessage>();
        lock (_lock)
        {
            if (!multiple)
            {
                if (_waiting.Remove(deliveryTag, out var one))
                {
                    taken.Add(one);
                }

                return taken;
            }

            foreach (var sequenceNumber in _waiting.Keys.TakeWhile(key => key <= deliveryTag).ToArray())
            {
                taken.Add(_waiting[sequenceNumber]);
                _waiting.Remove(sequenceNumber);
            }
        }

        return taken;
    }
}
