using System;
using System.Collections.Generic;

namespace VersionedNotifications;

/// <summary>The settings every broker driver's buffer takes from its options, and their validation, in one place.</summary>
/// <param name="Capacity">How many messages may wait for a confirm at once, in the buffer or on the wire.</param>
/// <param name="FullTimeout">How long sending waits for room in a full buffer; <see langword="null"/> waits as long as it takes.</param>
/// <param name="Retry">How often a message the broker did not confirm is published again.</param>
/// <param name="ShutdownTimeout">How long closing waits for the buffer to be confirmed.</param>
internal sealed record DeliveryBufferSettings(int Capacity, TimeSpan? FullTimeout, NotificationRetryPolicy Retry, TimeSpan ShutdownTimeout)
{
    /// <summary>Adds one message per problem, naming the option, to <paramref name="errors"/>.</summary>
    public void AddErrors(ICollection<string> errors)
    {
        if (Capacity < 1)
        {
            errors.Add($"BufferCapacity: must be at least 1 (got {Capacity})");
        }

        if (FullTimeout < TimeSpan.Zero)
        {
            errors.Add($"BufferFullTimeout: cannot be negative (got {FullTimeout})");
        }

        if (Retry is null || Retry.MaxRetries < 0)
        {
            errors.Add("Retry: a policy with retries of 0 or more (or forever) is needed");
        }

        if (ShutdownTimeout < TimeSpan.Zero)
        {
            errors.Add($"ShutdownTimeout: cannot be negative (got {ShutdownTimeout})");
        }
    }
}
