namespace VersionedNotifications.Qpid.Native;

/// <summary>Proton's <c>pn_event_type_t</c> (event.h), the values this package handles; the numbers are the C enum's.</summary>
internal enum ProtonEventType
{
    None = 0,
    ConnectionInit = 5,
    ConnectionBound = 6,
    ConnectionRemoteOpen = 9,
    ConnectionRemoteClose = 11,
    SessionRemoteClose = 17,
    LinkRemoteOpen = 21,
    LinkRemoteClose = 23,
    LinkRemoteDetach = 25,
    LinkFlow = 26,
    Delivery = 28,
    TransportError = 31,
    TransportClosed = 34,
    ConnectionWake = 42,
    ProactorInterrupt = 45,
    ProactorTimeout = 46,
    ProactorInactive = 47,
}
