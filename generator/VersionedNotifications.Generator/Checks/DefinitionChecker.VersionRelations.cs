using System.Collections.Generic;
using System.Linq;
using VersionedNotifications.Generator.Diagnostics;
using VersionedNotifications.Generator.Model;

namespace VersionedNotifications.Generator.Checks;

/// <summary>
/// What the versions of one object say about another, checked once names resolve: the versions named by
/// <c>base_versions</c> and <c>child_versions</c> are versions of the base or contained object, and a named
/// enum's value is no younger than the objects that use the enum.
/// </summary>
internal sealed partial class DefinitionChecker
{
    private void CheckVersionRelations(Scope scope)
    {
        foreach (var declared in scope.OrderedObjects)
        {
            var definition = declared.Definition;
            if (_bases.TryGetValue(declared, out var baseObject))
            {
                CheckMappedVersions(definition.BaseVersions, baseObject.Definition, "base_versions", $"base_versions of object '{definition.Name}'", $"its base '{baseObject.Definition.Name}'");
            }

            foreach (var field in definition.Fields.Where(f => f.Removed is null))
            {
                CheckChildVersions(scope, definition, field);
                CheckEnumValueSince(scope, definition, field);
            }
        }
    }

    private void CheckChildVersions(Scope scope, ObjectDefinition owner, FieldDefinition field)
    {
        if (field.ChildVersions.IsEmpty || field.Type.Innermost.Name is not { } name)
        {
            return;
        }

        if (scope.Objects.TryGetValue(name, out var child))
        {
            CheckMappedVersions(field.ChildVersions, child.Definition, "child_versions", $"child_versions of field '{field.Name}' of object '{owner.Name}'", $"object '{name}'");
        }
        else if (scope.Enums.ContainsKey(name))
        {
            Report(DiagnosticDescriptors.InvalidValue, field.ChildVersions[0].Location, "child_versions", $"field '{field.Name}' of object '{owner.Name}' holds enum '{name}', which has no versions; only a field that holds an object has child versions");
        }
    }

    private void CheckMappedVersions(EquatableArray<VersionMapping> mappings, ObjectDefinition other, string key, string what, string otherName)
    {
        foreach (var mapping in mappings.Where(m => !HasVersion(other, m.Child)))
        {
            var versions = string.Join(", ", KnownVersions(other));
            Report(DiagnosticDescriptors.InvalidValue, mapping.Location, key, $"{what} maps {mapping.From} to {mapping.Child}, which is not a version of {otherName} ({versions})");
        }
    }

    /// <summary>A value of a named enum arrived in a version of each object that uses it; that version cannot be later than the object's current one.</summary>
    private void CheckEnumValueSince(Scope scope, ObjectDefinition owner, FieldDefinition field)
    {
        if (field.Type.Innermost.Name is not { } name || !scope.Enums.TryGetValue(name, out var declared))
        {
            return;
        }

        foreach (var member in declared.Definition.Members.Where(m => m.Since is { } since && since > owner.Version))
        {
            Report(DiagnosticDescriptors.InvalidValue, member.Location, "since", $"value '{member.Value}' of enum '{name}' has since {member.Since}, later than the version {owner.Version} of object '{owner.Name}', which uses the enum in field '{field.Name}'");
        }
    }

    /// <summary>Whether <paramref name="version"/> is one of the object's versions: in its history, or between its first and current version when it has none.</summary>
    private static bool HasVersion(ObjectDefinition definition, ObjectVersion version) =>
        definition.History.IsEmpty
            ? version >= definition.FirstVersion && version <= definition.Version
            : definition.History.Any(h => h.Version == version);

    private static IEnumerable<string> KnownVersions(ObjectDefinition definition) =>
        definition.History.IsEmpty
            ? new[] { definition.FirstVersion == definition.Version ? definition.Version.ToString() : definition.FirstVersion + " to " + definition.Version }
            : definition.History.Select(h => h.Version.ToString());
}
