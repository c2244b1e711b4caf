using System.Collections.Generic;
using VersionedNotifications.Generator.Model;

namespace VersionedNotifications.Generator.Parsing;

/// <summary>What the fields of an object need to know of it while they are read.</summary>
/// <param name="What">The object, for messages: "object 'NodePayload'".</param>
/// <param name="Version">Its current version.</param>
/// <param name="FirstVersion">Its first version.</param>
/// <param name="IsSparse">Whether its fields are optional unless they say otherwise.</param>
/// <param name="History">The versions of its history, oldest first; empty when it has none.</param>
internal sealed record FieldOwner(string What, ObjectVersion Version, ObjectVersion FirstVersion, bool IsSparse, IReadOnlyList<ObjectVersion> History)
{
    /// <summary>
    /// The <c>since</c> of a field that does not say: the first version, or <c>&lt;major&gt;.0</c> of the current major
    /// when the object has moved to another major since its first version.
    /// </summary>
    public ObjectVersion DefaultSince => Version.Major == FirstVersion.Major ? FirstVersion : new ObjectVersion(Version.Major, 0);

    /// <summary>Whether <paramref name="version"/> is one of the object's versions: in its history, or between its first and current version when it has none.</summary>
    public bool HasVersion(ObjectVersion version) =>
        History.Count == 0 ? version >= FirstVersion && version <= Version : Contains(version);

    private bool Contains(ObjectVersion version)
    {
        foreach (var entry in History)
        {
            if (entry == version)
            {
                return true;
            }
        }

        return false;
    }
}
