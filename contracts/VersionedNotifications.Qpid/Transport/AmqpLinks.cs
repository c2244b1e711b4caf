using Amqp;
using Amqp.Framing;

namespace VersionedNotifications.Qpid;

/// <summary>
/// The session of one open <see cref="AmqpConnection"/>, where the driver attaches senders and the listener
/// receivers. oslo names a link's source and target by the address; durability <c>configuration</c> asks
/// RabbitMQ for a durable queue. The peer detaching a link closes the connection (it is made again, unless
/// the peer's error is a refusal that cannot heal), as a refused attach cannot heal on its own link.
/// </summary>
internal sealed class AmqpLinks
{
    private const string LinkPrefix = "versioned-notifications:";

    private readonly Session _session;
    private readonly SerialWork _work;
    private readonly Action<string, Error?> _detached;

    /// <param name="session">The session links are attached on.</param>
    /// <param name="work">The connection's serial work, where attach callbacks run.</param>
    /// <param name="detached">Told the link's name and the peer's error when the peer detaches a link.</param>
    public AmqpLinks(Session session, SerialWork work, Action<string, Error?> detached)
    {
        _session = session;
        _work = work;
        _detached = detached;
    }

    /// <summary>
    /// A sender to <paramref name="address"/>; messages sent before the peer attaches wait for its credit.
    /// When the session has just ended (the owner is told next), a sender that fails every message at once.
    /// </summary>
    public NotificationSender OpenSender(string address, bool durable)
    {
        var attach = new Attach
        {
            Source = new Source { Address = address },
            Target = new Target { Address = address, Durable = Durability(durable) },
        };
        try
        {
            var link = new SenderLink(_session, LinkPrefix + address, attach, null);
            Watch(link);
            return new NotificationSender(link, _work);
        }
        catch (AmqpException error)
        {
            return new NotificationSender(null, _work, "the connection closed: " + AmqpConnection.Describe(error.Error));
        }
    }

    /// <summary>
    /// Attaches a receiver on <paramref name="address"/> that keeps <paramref name="credit"/> granted (see
    /// <see cref="ReceiverCredit"/>); <paramref name="attached"/> runs once the peer has attached it. Nothing
    /// is attached when the session has just ended (the owner is told next).
    /// </summary>
    public void OpenReceiver(string address, bool durable, int credit, Action attached, Action<NotificationReceiver, Message> received)
    {
        var attach = new Attach
        {
            Source = new Source { Address = address, Durable = Durability(durable) },
            Target = new Target { Address = address },
        };
        try
        {
            var link = new ReceiverLink(_session, LinkPrefix + address, attach, (_, _) => _work.Post(attached));
            Watch(link);
            new NotificationReceiver(link, address, credit, _work, received).Start();
        }
        catch (AmqpException)
        {
            // The connection's end is on its way to the owner, which attaches again on the next connection.
        }
    }

    private static uint Durability(bool durable) => durable ? 1u : 0u;

    private void Watch(Link link) => link.AddClosedCallback((_, error) =>
    {
        // A link closed along with its session or connection is not the peer's doing.
        if (!_session.IsClosed)
        {
            _detached(link.Name, error);
        }
    });
}
