using System.Linq;

namespace VersionedNotifications.RabbitMQ;

/// <summary>
/// Which host of a multi-host transport URL a driver or listener connects to, as oslo.messaging 14 and kombu
/// choose it: the hosts are shuffled once (oslo's <c>Connection</c> does so whenever there are several, so
/// services given the same URL spread over the nodes), the first is tried first, and each failed attempt or lost
/// connection moves on by the <see cref="RabbitMQFailoverStrategy"/> (kombu's <c>maybe_switch_next</c>). No host
/// is ever left out: a node that failed is in the rotation again as soon as the strategy comes back to it.
/// </summary>
internal sealed class RabbitMQHostOrder
{
    private readonly TransportHost[] _hosts;
    private readonly RabbitMQFailoverStrategy _strategy;
    private readonly Random _random;
    private int _current;

    public RabbitMQHostOrder(IReadOnlyList<TransportHost> hosts, RabbitMQFailoverStrategy strategy, Random random)
    {
        _hosts = hosts.ToArray();
        _strategy = strategy;
        _random = random;
        _random.Shuffle(_hosts);
    }

    /// <summary>The hosts in the order this driver or listener goes through them (round-robin), after the one shuffle.</summary>
    public IReadOnlyList<TransportHost> Hosts => _hosts;

    /// <summary>The host the next attempt connects to.</summary>
    public TransportHost Current => _hosts[_current];

    /// <summary>
    /// Moves on after a failed attempt: round-robin to the next host of <see cref="Hosts"/>, shuffle to one drawn
    /// at random from all (kombu's <c>shufflecycle</c>, which can draw the same again).
    /// </summary>
    public void MoveNext() =>
        _current = _strategy == RabbitMQFailoverStrategy.Shuffle ? _random.Next(_hosts.Length) : (_current + 1) % _hosts.Length;

    /// <summary>
    /// How long to wait before attempt number <paramref name="failures"/> + 1 after that many failed in a row: as kombu
    /// does, nothing while a round over the hosts is not complete, then <paramref name="backoff"/> for the rounds completed.
    /// </summary>
    public TimeSpan DelayAfter(int failures, Func<int, TimeSpan> backoff) =>
        failures > 0 && failures % _hosts.Length == 0 ? backoff(failures / _hosts.Length) : TimeSpan.Zero;
}
