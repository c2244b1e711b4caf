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
    /// The <c>since</c> of a field that does not say: the first version, whatever major the object is at now. A field
    /// that a major version added says so (<c>since: "2.0"</c>); one that kept its place through a major bump is in the
    /// older major's versions too, so that what shipped of them still replays the same after the bump.
    /// </summary>
    public ObjectVersion DefaultSince => FirstVersion;

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
