using System.Collections.Generic;
using System.Linq;
using VersionedNotifications.Generator.Diagnostics;
using VersionedNotifications.Generator.Model;

namespace VersionedNotifications.Generator.Checks;

internal sealed partial class DefinitionChecker
{
    /// <summary>
    /// The most fields an object may have, with those of its bases. Ironic's NodePayload, among the
    /// largest, has 47; the compiler runs out of memory on a record of tens of thousands of properties.
    /// </summary>
    public const int MaxFieldsPerObject = 1_000;

    /// <summary>The most values an enum may list; the generated <c>IsKnown</c> tests them in one pattern.</summary>
    public const int MaxEnumMembers = 1_000;

    /// <summary>
    /// The object's own fields, or none (reported) when they and its bases' are more than
    /// <see cref="MaxFieldsPerObject"/>: the record is then generated empty, so that what uses it still compiles.
    /// </summary>
    private IEnumerable<FieldDefinition> FieldsWithinLimit(ObjectDefinition definition, int inheritedCount)
    {
        var count = inheritedCount + definition.Fields.Count(f => f.Removed is null);
        if (count <= MaxFieldsPerObject)
        {
            return definition.Fields;
        }

        Report(
            DiagnosticDescriptors.LimitExceeded,
            definition.Location,
            $"Object '{definition.Name}' has {count} fields with those of its bases; the generator takes at most {MaxFieldsPerObject} (the compiler runs out of memory on very large records)");
        return Enumerable.Empty<FieldDefinition>();
    }

    /// <summary>The first <see cref="MaxEnumMembers"/> values; the first one past them is reported.</summary>
    private IEnumerable<EnumMember> MembersWithinLimit(string typeName, EquatableArray<EnumMember> members)
    {
        if (members.Count <= MaxEnumMembers)
        {
            return members;
        }

        Report(
            DiagnosticDescriptors.LimitExceeded,
            members[MaxEnumMembers].Location,
            $"The enum {typeName} lists {members.Count} values; the generator takes at most {MaxEnumMembers}");
        return members.Take(MaxEnumMembers);
    }
}
