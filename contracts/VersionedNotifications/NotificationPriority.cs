namespace VersionedNotifications;

/// <summary>
/// The priority of a notification, as oslo.messaging's notifier names its methods.
/// </summary>
/// <remarks>
/// The order of the members is the order of severity used by the notification level threshold:
/// <see cref="Debug"/> &lt; <see cref="Info"/> &lt; <see cref="Warn"/> &lt; <see cref="Error"/> &lt; <see cref="Critical"/>.
/// <see cref="Audit"/> and <see cref="Sample"/> are oslo priorities outside that scale.
/// </remarks>
public enum NotificationPriority
{
    /// <summary>Debugging detail; the wire says <c>DEBUG</c>.</summary>
    Debug,

    /// <summary>Normal operation; the wire says <c>INFO</c>.</summary>
    Info,

    /// <summary>Something unexpected that the service handled; the wire says <c>WARN</c>.</summary>
    Warn,

    /// <summary>An operation failed; the wire says <c>ERROR</c>.</summary>
    Error,

    /// <summary>The service cannot go on; the wire says <c>CRITICAL</c>.</summary>
    Critical,

    /// <summary>An audit record; the wire says <c>AUDIT</c>.</summary>
    Audit,

    /// <summary>A metering sample; the wire says <c>SAMPLE</c>.</summary>
    Sample,
}
