namespace VersionedNotifications.Generator.Model;

/// <summary>
/// One step of a relationship between an object and an object it contains or extends, as
/// oslo.versionedobjects' <c>obj_relationships</c> records it: from version <paramref name="From"/>
/// of the containing object on (until the next step), the contained object is at <paramref name="Child"/>.
/// </summary>
/// <param name="From">The version of the containing (or derived) object where this step starts.</param>
/// <param name="Child">The version of the contained (or base) object it carries from there on.</param>
/// <param name="Location">Where the step is written.</param>
internal sealed record VersionMapping(ObjectVersion From, ObjectVersion Child, LocationInfo Location);

/// <summary>Reading a list of <see cref="VersionMapping"/> steps, as oslo reads <c>obj_relationships</c>.</summary>
internal static class VersionMappings
{
    /// <summary>The step in force at container version <paramref name="version"/>: the last that starts at or before it; null when none does.</summary>
    public static VersionMapping? StepAt(this EquatableArray<VersionMapping> steps, ObjectVersion version)
    {
        VersionMapping? inForce = null;
        foreach (var step in steps)
        {
            if (step.From <= version)
            {
                inForce = step;
            }
        }

        return inForce;
    }
}
