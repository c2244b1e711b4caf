using System;
using System.Collections.Generic;

namespace VersionedNotifications;

/// <summary>
/// What every transport's driver options share beyond the connection: the body, and the bounded buffer in which
/// each message waits until the broker confirms it.
/// </summary>
public abstract class NotificationDriverOptions : NotificationTransportOptions
{
    /// <summary>The body: oslo's v2 envelope (<c>messagingv2</c>, the default) or the bare v1 envelope (<c>messaging</c>).</summary>
    public MessageFormat Format { get; set; } = MessageFormat.MessagingV2;

    /// <summary>
    /// How many messages (one per topic) may wait for the broker's confirm at once, in the buffer or on the wire
    /// (default 10,000). When it is full, <c>SendAsync</c> waits: back-pressure on the emitter.
    /// </summary>
    public int BufferCapacity { get; set; } = 10_000;

    /// <summary>How long <c>SendAsync</c> waits for room in a full buffer before it fails (default: as long as it takes, as oslo blocks).</summary>
    public TimeSpan? BufferFullTimeout { get; set; }

    /// <summary>How often a message the broker did not confirm (a nack, a release, a lost connection) is sent again (default: until confirmed).</summary>
    public NotificationRetryPolicy Retry { get; set; } = NotificationRetryPolicy.Forever;

    /// <summary>How long disposing waits for the buffer to be confirmed before it gives up on the rest (default 10 s).</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The buffer's settings, from these options.</summary>
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

    /// <summary>A copy of these options with another <see cref="Format"/>, for a driver name that implies one (<c>messaging</c>).</summary>
    internal T WithFormat<T>(MessageFormat format)
        where T : NotificationDriverOptions
    {
        var copy = (T)MemberwiseClone();
        copy.Format = format;
        return copy;
    }
}
