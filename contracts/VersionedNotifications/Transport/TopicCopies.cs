using System;
using System.Threading;
using System.Threading.Tasks;
using VersionedNotifications.Drivers;
using VersionedNotifications.Wire;

namespace VersionedNotifications;

/// <summary>
/// A notification as a broker driver hands it to its <see cref="DeliveryBuffer"/>: one copy per topic, for
/// <c>&lt;topic&gt;.&lt;priority&gt;</c>, each with an outcome a caller can wait for.
/// </summary>
internal static class TopicCopies
{
    /// <summary>
    /// Puts a copy of <paramref name="notification"/> for each of its topics in <paramref name="buffer"/>, its body made by
    /// <paramref name="encode"/>; each outcome completes with <see langword="null"/> once confirmed, or why it was given up.
    /// </summary>
    public static async ValueTask<Task<string?>[]> EnqueueAsync(DeliveryBuffer buffer, OutgoingNotification notification, Func<OutgoingNotification, byte[]> encode, CancellationToken cancellationToken)
    {
        var suffix = PriorityNames.ToRoutingSuffix(notification.Priority);
        var outcomes = new Task<string?>[notification.Topics.Count];
        for (var i = 0; i < outcomes.Length; i++)
        {
            var copy = new PendingDelivery(notification.Topics[i] + "." + suffix, encode(notification), notification.EventType, notification.MessageId);
            await buffer.EnqueueAsync(copy, cancellationToken).ConfigureAwait(false);
            outcomes[i] = copy.Outcome;
        }

        return outcomes;
    }

    /// <summary>Waits for every outcome: <see langword="null"/> when all copies were confirmed, otherwise why the first given up was not.</summary>
    public static async Task<string?> FirstFailureAsync(Task<string?>[] outcomes, CancellationToken cancellationToken)
    {
        var reasons = await Task.WhenAll(outcomes).WaitAsync(cancellationToken).ConfigureAwait(false);
        return Array.Find(reasons, reason => reason is not null);
    }
}
