namespace VersionedNotifications;

/// <summary>What became of one delivery in the listener pipeline, for the statistics.</summary>
internal enum ListenerOutcome
{
    /// <summary>A typed handler took it.</summary>
    Handled,

    /// <summary>Only the fallback handler took it.</summary>
    HandledByFallback,

    /// <summary>Filtered out, or read fine with no handler for it.</summary>
    Skipped,

    /// <summary>Unreadable, and no fallback took it.</summary>
    Unreadable,

    /// <summary>A handler threw.</summary>
    Failed,

    /// <summary>The listener stopped while a handler ran; the message is not at fault.</summary>
    Interrupted,
}

/// <summary>The pipeline's answer for one delivery: how to settle it, why (for a dead letter's headers), and what it was.</summary>
internal readonly record struct ListenerVerdict(SettleDecision Decision, ListenerOutcome Outcome, string? Reason, NotificationReadResult? Result);
