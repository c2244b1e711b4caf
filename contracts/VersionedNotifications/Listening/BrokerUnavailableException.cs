using System;

namespace VersionedNotifications;

/// <summary>The broker or peer named by the transport URL could not be reached or refused what was asked; the message names the URL (without its password) and the reason.</summary>
public class BrokerUnavailableException : Exception
{
    /// <summary>An exception with a message naming the URL and the reason.</summary>
    public BrokerUnavailableException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
