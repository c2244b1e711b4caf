using System;

namespace VersionedNotifications.Qpid;

/// <summary>
/// Qpid Proton's C library, which the AMQP 1.0 driver and listener run on, cannot be loaded. The message
/// names the files tried and the package to install (Debian and Ubuntu: <c>libqpid-proton11</c>).
/// </summary>
public sealed class QpidLibraryNotFoundException : DllNotFoundException
{
    /// <summary>An exception with a message naming the files tried and the package to install.</summary>
    public QpidLibraryNotFoundException(string message)
        : base(message)
    {
    }
}
