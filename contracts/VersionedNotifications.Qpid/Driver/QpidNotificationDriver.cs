using System.Diagnostics.Metrics;
using VersionedNotifications.Drivers;

namespace VersionedNotifications.Qpid;

/// <summary>
/// Sends notifications over AMQP 1.0 as oslo.messaging's amqp1 driver does (Glance's <c>qpid</c> strategy):
/// one sender link per address, formed from <c>&lt;topic&gt;.&lt;priority&gt;</c> by <see cref="QpidBrokerOptions.Addressing"/>;
/// the body oslo's driver sends (<c>{"request": &lt;messagingv2 body&gt;, "context": &lt;the request context&gt;}</c> as an AMQP string),
/// durable. A message counts as delivered only when the peer settles it as accepted; one rejected, released
/// or modified, or unsettled when the connection drops, is sent again (so a consumer may see one twice, never
/// none), and the connection is made again by itself. Every message waits in a bounded buffer until accepted;
/// while the peer is away the buffer fills and <see cref="NotificationTransportDriver.SendAsync"/> waits for room. The buffer, its retries
/// and its statistics are the transport core's <see cref="DeliveryBuffer"/>, as for RabbitMQ; links and the
/// sorting of ready messages by address run on the connection's <see cref="SerialWork"/>.
/// </summary>
public sealed class QpidNotificationDriver : NotificationTransportDriver, IAmqpConnectionHandler
{
    /// <summary>The configuration name of the driver: <c>amqp</c>, the scheme oslo's AMQP 1.0 transport URLs use.</summary>
    public const string DriverName = "amqp";

    /// <summary>The alias Glance's <c>notifier_strategy</c> used: <c>qpid</c>.</summary>
    public const string QpidDriverName = "qpid";

    private readonly AmqpConnection _connection;
    private readonly Action _pump;
    private int _pumpScheduled;

    // Owned by the connection's SerialWork. A message on the wire is known by the tag of its send, so
    // that an outcome of an earlier send (settled after the connection was lost) is not taken for the
    // outcome of a later one.
    private readonly Dictionary<string, Queue<PendingDelivery>> _waiting = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NotificationSender> _senders = new(StringComparer.Ordinal);
    private readonly Dictionary<ulong, PendingDelivery> _unsettled = new();
    private NotificationAddresses? _addresses;
    private AmqpLinks? _links;
    private ulong _nextTag;

    /// <summary>A driver that starts connecting at once, in the background; sending does not wait for the peer until the buffer is full.</summary>
    /// <exception cref="ArgumentException">The options are not valid; the message lists every problem.</exception>
    public QpidNotificationDriver(QpidDriverOptions options, ILogger<QpidNotificationDriver>? logger = null, IMeterFactory? meterFactory = null)
        : base(options, "AMQP 1.0 driver", QpidMetrics.Transport, AmqpTransportUrl.Describe, logger, meterFactory, pumps: true)
    {
        _pump = Pump;
        _connection = new AmqpConnection(options, "notifier", this, Logger);
        _connection.Start();
    }

    /// <inheritdoc/>
    public override string Name => DriverName;

    private protected override byte[] Encode(OutgoingNotification copy) => copy.ToOsloAmqp1Body(Options.Format);

    private protected override async ValueTask StopSendingAsync()
    {
        await _connection.StopAsync().ConfigureAwait(false);

        // The connection's work has ended: what it still held is given up here.
        foreach (var queue in _waiting.Values)
        {
            while (queue.TryDequeue(out var message))
            {
                Buffer.GiveUp(message);
            }
        }
    }

    private protected override void OnMessagesReady()
    {
        if (Interlocked.Exchange(ref _pumpScheduled, 1) == 0)
        {
            _connection.Post(_pump);
        }
    }

    void IAmqpConnectionHandler.OnOpened(AmqpLinks links, NotificationAddresses addresses)
    {
        _links = links;
        _addresses = addresses;
        Pump();
    }

    void IAmqpConnectionHandler.OnClosed(string reason)
    {
        _addresses = null;
        _links = null;
        _senders.Clear();
        if (_unsettled.Count == 0)
        {
            return;
        }

        var unsettled = new List<PendingDelivery>(_unsettled.Values);
        _unsettled.Clear();
        foreach (var message in unsettled)
        {
            Buffer.Failed(message, "the connection closed before the peer settled it: " + reason);
        }
    }

    void IAmqpConnectionHandler.OnRefused(string refusal)
    {
        // Nothing waiting here can be sent any more: the buffer logs the refusal once and gives everything up.
        Buffer.Refuse(refusal, null);
        foreach (var queue in _waiting.Values)
        {
            while (queue.TryDequeue(out var message))
            {
                Buffer.GiveUp(message);
            }
        }

        Pump();
    }

    /// <summary>On the connection's SerialWork: sorts what is ready by address and sends it (a link holds what exceeds its credit until the peer grants more).</summary>
    private void Pump()
    {
        Volatile.Write(ref _pumpScheduled, 0);
        while (Buffer.TryTake(out var ready))
        {
            if (Buffer.Refusal is not null)
            {
                Buffer.GiveUp(ready);
                continue;
            }

            if (!_waiting.TryGetValue(ready.TopicAndPriority, out var queue))
            {
                _waiting[ready.TopicAndPriority] = queue = new Queue<PendingDelivery>();
            }

            queue.Enqueue(ready);
        }

        if (_addresses is null || _links is null)
        {
            return;
        }

        foreach (var (topicAndPriority, queue) in _waiting)
        {
            if (queue.Count == 0)
            {
                continue;
            }

            var address = _addresses.For(topicAndPriority);
            var sender = Sender(_links, address);
            while (queue.TryDequeue(out var message))
            {
                Send(sender, address, message);
            }
        }
    }

    private NotificationSender Sender(AmqpLinks links, string address)
    {
        if (!_senders.TryGetValue(address, out var sender))
        {
            _senders[address] = sender = links.OpenSender(address, Options.DurableQueues);
        }

        return sender;
    }

    private void Send(NotificationSender sender, string address, PendingDelivery message)
    {
        var tag = ++_nextTag;
        _unsettled[tag] = message;
        Buffer.Published();
        sender.Send(AmqpMessageCodec.Encode(address, message.MessageId, message.Body), reason => OnSettled(tag, reason));
    }

    /// <summary>On the connection's SerialWork: the peer settled the send <paramref name="tag"/> (accepted when <paramref name="reason"/> is null).</summary>
    private void OnSettled(ulong tag, string? reason)
    {
        if (!_unsettled.Remove(tag, out var message))
        {
            // Already failed when its connection closed.
            return;
        }

        if (reason is null)
        {
            Buffer.Confirmed(message);
        }
        else
        {
            Buffer.Failed(message, reason);
        }
    }
}
