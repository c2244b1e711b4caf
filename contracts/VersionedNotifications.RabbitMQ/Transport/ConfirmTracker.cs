using System.Linq;

namespace VersionedNotifications.RabbitMQ;

/// <summary>
/// The messages published on one channel that wait for the broker's confirm, by publish sequence number.
/// The driver and the listener's dead-lettering track confirms themselves rather than through RabbitMQ.Client's
/// tracking, which adds an <c>x-dotnet-pub-seq-no</c> header to every message: oslo's messages carry no
/// header, and neither do ours. Each message leaves the tracker once: confirmed, nacked, or failed with its channel.
/// </summary>
internal sealed class ConfirmTracker<TMessage>(Action<TMessage> confirmed, Action<TMessage, Exception> failed)
    where TMessage : class
{
    private readonly SortedDictionary<ulong, TMessage> _waiting = new();
    private readonly object _lock = new();

    /// <summary>Takes <paramref name="channel"/>'s acks and nacks, and fails what waits when it shuts down.</summary>
    public void Follow(IChannel channel)
    {
        channel.BasicAcksAsync += (_, args) =>
        {
            Ack(args.DeliveryTag, args.Multiple);
            return Task.CompletedTask;
        };
        channel.BasicNacksAsync += (_, args) =>
        {
            Nack(args.DeliveryTag, args.Multiple);
            return Task.CompletedTask;
        };
        channel.ChannelShutdownAsync += (_, args) =>
        {
            FailAll(new InvalidOperationException($"the channel closed before the broker confirmed ({args.ReplyCode} {args.ReplyText})"));
            return Task.CompletedTask;
        };
    }

    public void Add(ulong sequenceNumber, TMessage message)
    {
        TMessage? stale;
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
        TMessage[] messages;
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

    private List<TMessage> Take(ulong deliveryTag, bool multiple)
    {
        var taken = new List<TMessage>();
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
