namespace VersionedNotifications;

/// <summary>Limits of <see cref="NotificationReader"/>; what exceeds them is reported as malformed, never thrown.</summary>
public sealed record NotificationReaderOptions
{
    /// <summary>16 MiB messages, 64 levels of nesting.</summary>
    public static NotificationReaderOptions Default { get; } = new();

    /// <summary>The largest message read, in bytes (default 16 MiB).</summary>
    public int MaxMessageBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>The deepest nesting of JSON objects and arrays read (default 64).</summary>
    public int MaxDepth { get; init; } = 64;
}
