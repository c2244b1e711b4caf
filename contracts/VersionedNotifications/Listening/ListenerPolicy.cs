using System;

namespace VersionedNotifications;

/// <summary>How a listener settles what its handlers could not take, in broker-neutral terms; each transport maps its options to it.</summary>
/// <param name="OnHandlerFailure">The settlement of a message whose handler threw.</param>
/// <param name="OnUnreadable">The settlement of a message no typed handler or fallback could take.</param>
/// <param name="RequeueDelay">How long a failed message waits before it is given back, so a failing handler does not spin.</param>
internal sealed record ListenerPolicy(SettleDecision OnHandlerFailure, SettleDecision OnUnreadable, TimeSpan RequeueDelay);
