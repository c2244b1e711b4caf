namespace VersionedNotifications.Qpid;

/// <summary>
/// The credit policy of one receiver link: the peer may hand over at most <c>window</c> messages before they
/// are settled. More credit is granted only once everything granted has arrived and the unsettled messages
/// have fallen to half the window (oslo's amqp1 listener tops up at the same mark), and then enough to come
/// back to the window. Never while credit is still open: RabbitMQ 3.x's AMQP 1.0 plugin, given a flow frame
/// while transfers are on their way, resets its queue's credit without counting what is already in its
/// pipeline and overruns the link's credit, which AMQPNetLite treats as a protocol error that ends the
/// connection. Not thread-safe: used on the connection's <see cref="SerialWork"/>.
/// </summary>
internal sealed class ReceiverCredit
{
    private readonly int _window;

    public ReceiverCredit(int window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        _window = window;
    }

    /// <summary>Credit granted that the peer has not used yet (as far as arrivals have been counted).</summary>
    public int Open { get; private set; }

    /// <summary>Messages that arrived and are not settled yet.</summary>
    public int Held { get; private set; }

    /// <summary>The credit to grant when the link starts: the window.</summary>
    public int Start() => Grant();

    /// <summary>A message arrived; returns the credit to grant now (0 for none).</summary>
    public int Arrived()
    {
        Open = Math.Max(0, Open - 1);
        Held++;
        return Grant();
    }

    /// <summary>A message was settled; returns the credit to grant now (0 for none).</summary>
    public int Settled()
    {
        Held = Math.Max(0, Held - 1);
        return Grant();
    }

    private int Grant()
    {
        if (Open > 0 || Held > _window / 2)
        {
            return 0;
        }

        var grant = _window - Held;
        Open += grant;
        return grant;
    }
}
