using System;

namespace VersionedNotifications;

/// <summary>
/// The broker refused what a listener asked in a way that trying again cannot heal (a declaration that conflicts
/// with what exists, access refused, an unknown virtual host, wrong credentials); the message names the setting
/// to change. A hosted listener stops trying to start on it.
/// </summary>
public sealed class BrokerRefusedException : BrokerUnavailableException
{
    /// <summary>An exception whose message says what the broker refused and which setting to change.</summary>
    public BrokerRefusedException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
