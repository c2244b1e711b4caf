namespace VersionedNotifications;

/// <summary>
/// A payload type compiled from a definition. Every generated record implements it.
/// </summary>
/// <typeparam name="TSelf">The generated record itself.</typeparam>
public interface INotificationPayload<TSelf>
    where TSelf : INotificationPayload<TSelf>
{
    /// <summary>The wire name, namespace and versions of <typeparamref name="TSelf"/>.</summary>
    static abstract VersionedObjectInfo ObjectInfo { get; }
}
