using Microsoft.Win32.SafeHandles;

namespace VersionedNotifications.Qpid.Native;

/// <summary>A <c>pn_proactor_t</c>: freed (with every connection it still owns) when released.</summary>
internal sealed class ProactorHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public ProactorHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        Proton.pn_proactor_free(handle);
        return true;
    }
}

/// <summary>A <c>pn_message_t</c> this package made and reuses for every message it encodes or decodes; freed when released.</summary>
internal sealed class MessageHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public MessageHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        Proton.pn_message_free(handle);
        return true;
    }
}
