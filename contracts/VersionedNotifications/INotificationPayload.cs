using VersionedNotifications.Wire;

namespace VersionedNotifications;

/// <summary>A generated payload record, seen without its type.</summary>
public interface INotificationPayload
{
    /// <summary>How this payload, when read from the wire, differed from the current definition; <see langword="null"/> when it did not.</summary>
    PayloadWireState? WireState { get; }
}

/// <summary>
/// A payload type compiled from a definition. Every generated record implements it.
/// </summary>
/// <typeparam name="TSelf">The generated record itself.</typeparam>
public interface INotificationPayload<TSelf> : INotificationPayload
    where TSelf : class, INotificationPayload<TSelf>
{
    /// <summary>The wire name, namespace and versions of <typeparamref name="TSelf"/>.</summary>
    static abstract VersionedObjectInfo ObjectInfo { get; }

    /// <summary>The generated converter that reads and writes <typeparamref name="TSelf"/> in the oslo form.</summary>
    static abstract WirePayloadConverter<TSelf> WireConverter { get; }
}
