using Amqp;
using Amqp.Framing;
using Amqp.Types;

namespace VersionedNotifications.Qpid;

/// <summary>How a received message is settled.</summary>
internal enum Settlement
{
    Accept,
    Release,
    Reject,
}

/// <summary>
/// A receiver link on one address, with its credit kept by <see cref="ReceiverCredit"/>. Messages are handed
/// to the owner on the connection's <see cref="SerialWork"/>, and settled there.
/// </summary>
internal sealed class NotificationReceiver
{
    private const int MaxErrorLength = 1000;
    private static readonly Symbol HandlerFailedCondition = new("amqp:internal-error");

    private readonly ReceiverLink _link;
    private readonly ReceiverCredit _credit;
    private readonly SerialWork _work;
    private readonly Action<NotificationReceiver, Message> _received;

    public NotificationReceiver(ReceiverLink link, string address, int credit, SerialWork work, Action<NotificationReceiver, Message> received)
    {
        _link = link;
        Address = address;
        _credit = new ReceiverCredit(credit);
        _work = work;
        _received = received;
    }

    /// <summary>The address received from.</summary>
    public string Address { get; }

    /// <summary>Starts taking messages and grants the first credit.</summary>
    public void Start()
    {
        // Credit is managed here, not by AMQPNetLite's automatic mode, which tops up while credit is open.
        _link.Start(0, (_, message) => _work.Post(() => OnMessage(message)));
        Grant(_credit.Start());
    }

    /// <summary>
    /// Settles <paramref name="message"/> (with <paramref name="error"/> as the condition of a rejection) and
    /// frees its buffers; <see langword="false"/> when the link has closed since, so the peer delivers it again.
    /// </summary>
    public bool Settle(Message message, Settlement settlement, string? error)
    {
        try
        {
            if (_link.IsClosed)
            {
                return false;
            }

            switch (settlement)
            {
                case Settlement.Accept:
                    _link.Accept(message);
                    break;
                case Settlement.Release:
                    _link.Release(message);
                    break;
                default:
                    _link.Reject(message, new Error(HandlerFailedCondition) { Description = error is { Length: > MaxErrorLength } ? error[..MaxErrorLength] : error });
                    break;
            }

            Grant(_credit.Settled());
            return true;
        }
        catch (AmqpException)
        {
            // Closed between the check and the settlement.
            return false;
        }
        finally
        {
            message.Dispose();
        }
    }

    private void OnMessage(Message message)
    {
        Grant(_credit.Arrived());
        _received(this, message);
    }

    private void Grant(int credit)
    {
        if (credit > 0 && !_link.IsClosed)
        {
            _link.SetCredit(credit, CreditMode.Manual);
        }
    }
}
