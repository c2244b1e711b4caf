using System;

namespace VersionedNotifications;

/// <summary>
/// How often a failed delivery to a driver is tried again, and how long to wait between tries:
/// oslo's <c>[oslo_messaging_notifications] retry</c> (<c>-1</c> forever, <c>0</c> never, <c>N</c> times)
/// with an exponential backoff.
/// </summary>
public sealed record NotificationRetryPolicy
{
    /// <summary>One attempt; a failure is logged, counted and the notification is dropped.</summary>
    public static NotificationRetryPolicy None { get; } = new() { MaxRetries = 0 };

    /// <summary>Tries until the delivery succeeds or the caller cancels; oslo's default (<c>retry = -1</c>).</summary>
    public static NotificationRetryPolicy Forever { get; } = new() { MaxRetries = null };

    /// <summary>Retries after the first attempt; <see langword="null"/> retries forever.</summary>
    public int? MaxRetries { get; init; }

    /// <summary>The wait before the first retry (default 100 ms); each later wait doubles, up to <see cref="MaxDelay"/>.</summary>
    public TimeSpan InitialDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest wait between two tries (default 30 s).</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary><paramref name="retries"/> retries after the first attempt.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="retries"/> is negative.</exception>
    public static NotificationRetryPolicy Times(int retries)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(retries);
        return new NotificationRetryPolicy { MaxRetries = retries };
    }

    /// <summary>The policy of oslo's <c>retry</c> option: <c>-1</c> (or any negative) forever, <c>0</c> none, <c>N</c> times.</summary>
    public static NotificationRetryPolicy FromOslo(int retry) => retry < 0 ? Forever : retry == 0 ? None : Times(retry);

    /// <summary>Whether another try follows failed attempt number <paramref name="attempt"/> (1 for the first).</summary>
    public bool ShouldRetry(int attempt) => MaxRetries is null || attempt <= MaxRetries.Value;

    /// <summary>The wait after failed attempt number <paramref name="attempt"/> (1 for the first).</summary>
    public TimeSpan DelayAfter(int attempt)
    {
        var exponent = Math.Clamp(attempt - 1, 0, 30);
        var ticks = InitialDelay.Ticks * Math.Pow(2, exponent);
        return ticks >= MaxDelay.Ticks ? MaxDelay : TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>How the policy reads in a log line or error: <c>none</c>, <c>forever</c> or <c>N times</c>.</summary>
    public override string ToString() => MaxRetries switch
    {
        null => "forever",
        0 => "none",
        var n => $"{n} times",
    };
}
