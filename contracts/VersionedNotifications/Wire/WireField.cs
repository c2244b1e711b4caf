namespace VersionedNotifications.Wire;

/// <summary>One field of a generated payload as the converter sees it: its wire name and the version that added it.</summary>
/// <param name="Name">The wire name.</param>
/// <param name="Since">The version that added the field, on the scale of the object that declares it.</param>
/// <param name="IsInherited">
/// True for a field declared by a base object: its <paramref name="Since"/> counts the base's versions,
/// not this object's, so it cannot decide a backport.
/// </param>
public readonly record struct WireField(string Name, PayloadVersion Since, bool IsInherited = false);
