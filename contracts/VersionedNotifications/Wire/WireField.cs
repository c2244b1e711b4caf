namespace VersionedNotifications.Wire;

/// <summary>One field of a generated payload as the converter sees it: its wire name and the version that added it.</summary>
/// <param name="Name">The wire name.</param>
/// <param name="Since">The version of this object that added the field.</param>
/// <param name="IsInherited">
/// True for a field of a base object when the definitions do not say which base version each version of this object
/// contains (<c>base_versions</c>): <paramref name="Since"/> then counts the base's versions, not this object's, so it
/// can decide neither a backport nor whether an older version must carry the field.
/// </param>
/// <param name="IsOptional">
/// True when the field may be unset (<c>optional</c>): a message may leave it out at any version. Any other field is
/// required from <paramref name="Since"/> on, and a message of such a version that lacks it is malformed.
/// </param>
public readonly record struct WireField(string Name, PayloadVersion Since, bool IsInherited = false, bool IsOptional = false);
