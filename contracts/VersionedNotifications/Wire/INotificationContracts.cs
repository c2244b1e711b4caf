using System.Collections.Generic;

namespace VersionedNotifications.Wire;

/// <summary>
/// A set of compiled contracts: the event types and payloads one definitions folder declares. The
/// generated JSON context of a project implements it, so <c>new NotificationReader(OpenStackJsonContext.Default)</c>
/// reads every notification the OpenStack definitions describe.
/// </summary>
public interface INotificationContracts
{
    /// <summary>Every event type, aliases included in each entry.</summary>
    IReadOnlyList<EventTypeInfo> EventTypes { get; }

    /// <summary>Every payload and nested object type.</summary>
    IReadOnlyList<PayloadContract> Payloads { get; }
}
