namespace VersionedNotifications;

/// <summary>Limits of <see cref="NotificationReader"/>; what exceeds them is reported as malformed, never thrown.</summary>
public sealed record NotificationReaderOptions
{
    /// <summary>16 MiB messages, 64 levels of nesting, 1 MiB plus 16 bytes for each message byte of memory.</summary>
    public static NotificationReaderOptions Default { get; } = new();

    /// <summary>The largest message read, in bytes (default 16 MiB).</summary>
    public int MaxMessageBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>The deepest nesting of JSON objects and arrays read (default 64).</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>
    /// How many bytes of memory reading a message may allocate for each byte of the message, on top of
    /// <see cref="MemoryAllowanceBytes"/> (default 16). A message of millions of tiny values (a list of
    /// <c>{}</c>, a million unknown fields) past the limit is malformed, with the path where reading stopped.
    /// </summary>
    public int MaxMemoryPerMessageByte { get; init; } = 16;

    /// <summary>The memory any message may take to read whatever its size (default 1 MiB); see <see cref="MaxMemoryPerMessageByte"/>.</summary>
    public long MemoryAllowanceBytes { get; init; } = 1024 * 1024;
}
