using System;
using System.Collections.Generic;

namespace VersionedNotifications.Qpid;

/// <summary>
/// The AMQP 1.0 notification driver: oslo's notifications (<c>messagingv2</c>, or <c>messaging</c> for the
/// v1 body) over an <c>amqp://</c> transport, each accepted by the peer before it counts, with a bounded buffer.
/// </summary>
public sealed class QpidDriverOptions : QpidConnectionOptions
{
    /// <summary>The message inside oslo's amqp1 body: the v2 envelope (<c>messagingv2</c>, the default) or the bare v1 envelope (<c>messaging</c>).</summary>
    public MessageFormat Format { get; set; } = MessageFormat.MessagingV2;

    /// <summary>
    /// How many messages (one per topic) may wait for the peer's acceptance at once, in the buffer or on the
    /// wire (default 10,000). When it is full, <c>SendAsync</c> waits: back-pressure on the emitter.
    /// </summary>
    public int BufferCapacity { get; set; } = 10_000;

    /// <summary>How long <c>SendAsync</c> waits for room in a full buffer before it fails (default: as long as it takes, as oslo blocks).</summary>
    public TimeSpan? BufferFullTimeout { get; set; }

    /// <summary>How often a message the peer did not accept (rejected, released, connection lost) is sent again (default: until accepted).</summary>
    public NotificationRetryPolicy Retry { get; set; } = NotificationRetryPolicy.Forever;

    /// <summary>How long disposing waits for the buffer to be accepted before it gives up on the rest (default 10 s).</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The settings of the driver's <see cref="DeliveryBuffer"/>.</summary>
    internal DeliveryBufferSettings BufferSettings => new(BufferCapacity, BufferFullTimeout, Retry, ShutdownTimeout);

    /// <inheritdoc/>
    public override IReadOnlyList<string> Validate()
    {
        var errors = new List<string>(base.Validate());
        if (!Enum.IsDefined(Format))
        {
            errors.Add($"Format: {(int)Format} is not a message format");
        }

        BufferSettings.AddErrors(errors);
        return errors;
    }
}
