using System.Collections.Concurrent;

namespace VersionedNotifications.TestSupport;

/// <summary>
/// What an outage test saw, by message id: the messages sent and every delivery a listener handed over, so it
/// can say in one line how many were sent, confirmed, received, lost and duplicated.
/// </summary>
public sealed class OutageTally
{
    private readonly ConcurrentQueue<string> _sent = new();
    private readonly ConcurrentDictionary<string, int> _received = new(StringComparer.Ordinal);

    /// <summary>The ids sent so far, in order.</summary>
    public IReadOnlyList<string> SentIds => _sent.ToArray();

    public int SentCount => _sent.Count;

    /// <summary>Distinct messages received.</summary>
    public int ReceivedCount => _received.Count;

    public void Sent(string messageId) => _sent.Enqueue(messageId);

    public void Received(string messageId) => _received.AddOrUpdate(messageId, 1, (_, count) => count + 1);

    public bool WasReceived(string messageId) => _received.ContainsKey(messageId);

    /// <summary>The messages sent that never arrived.</summary>
    public IReadOnlyList<string> Lost() => _sent.Where(id => !_received.ContainsKey(id)).ToArray();

    /// <summary>Deliveries beyond the first of each message.</summary>
    public long Duplicated() => _received.Values.Sum(count => (long)count - 1);

    /// <summary>The measurement, for the test output: <c>sent N, confirmed N, received N (N deliveries), lost N, duplicated N</c>.</summary>
    public string Describe(long confirmed) =>
        $"sent {SentCount}, confirmed {confirmed}, received {ReceivedCount} ({_received.Values.Sum(count => (long)count)} deliveries), lost {Lost().Count}, duplicated {Duplicated()}";
}
