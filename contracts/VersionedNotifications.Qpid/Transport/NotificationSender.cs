using Amqp;
using Amqp.Framing;

namespace VersionedNotifications.Qpid;

/// <summary>
/// A sender link to one address. Each message is sent unsettled, and its outcome comes back on the
/// connection's <see cref="SerialWork"/>: <see langword="null"/> when the peer accepted it, otherwise why not.
/// </summary>
internal sealed class NotificationSender
{
    private static readonly OutcomeCallback OnOutcome = (link, _, outcome, state) =>
    {
        var (work, settled) = ((SerialWork, Action<string?>))state;
        var reason = outcome switch
        {
            Accepted => null,
            // AMQPNetLite settles what was on the wire when the link or connection ends as released or rejected with the connection's error.
            _ when link.IsClosed => "the connection closed before the peer settled it" + Because(link.Error ?? (outcome as Rejected)?.Error),
            Rejected rejected => "the peer rejected it" + Because(rejected.Error),
            Released => "the peer released it",
            Modified => "the peer returned it modified",
            _ => "the peer settled it without accepting it",
        };
        work.Post(() => settled(reason));
    };

    private readonly SenderLink? _link;
    private readonly SerialWork _work;
    private readonly string? _unusable;

    /// <param name="link">The link, or <see langword="null"/> when it could not be made.</param>
    /// <param name="work">Where outcomes are handed over.</param>
    /// <param name="unusable">Why the link could not be made.</param>
    public NotificationSender(SenderLink? link, SerialWork work, string? unusable = null)
    {
        _link = link;
        _work = work;
        _unusable = unusable;
    }

    /// <summary>Sends <paramref name="message"/>; <paramref name="settled"/> gets the outcome, or why it cannot be sent now.</summary>
    public void Send(Message message, Action<string?> settled)
    {
        if (_link is null)
        {
            _work.Post(() => settled(_unusable));
            return;
        }

        try
        {
            _link.Send(message, OnOutcome, (_work, settled));
        }
        catch (AmqpException error)
        {
            _work.Post(() => settled("the link is closing: " + AmqpConnection.Describe(error.Error)));
        }
    }

    private static string Because(Error? error) => error is null ? string.Empty : $" ({AmqpConnection.Describe(error)})";
}
