using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using VersionedNotifications.Generator.Diagnostics;
using VersionedNotifications.Generator.Model;

namespace VersionedNotifications.Generator.Compatibility;

/// <summary>
/// Checks the microversion rules: minor versions only add fields; shipped versions never change;
/// versions go up one step at a time; what contains or extends a bumped object is bumped too; event
/// types keep their payload and priority. The truth for a shipped version is the manifest; for a
/// version not shipped yet it is the history replayed from the definitions. Pure: shared by the
/// analyzer and <c>vnotify check</c>.
/// </summary>
internal sealed class CompatibilityChecker
{
    private readonly DefinitionIndex _index;
    private readonly ShippedManifest? _manifest;
    private readonly List<DiagnosticInfo> _diagnostics = new();

    /// <summary>
    /// Whether every definitions file parsed cleanly. A file with errors is left out of the index, so what it
    /// defines would look removed; the removal rules then wait until it reads (its own error fails the build).
    /// </summary>
    private readonly bool _allFilesRead;

    private CompatibilityChecker(DefinitionIndex index, ShippedManifest? manifest, bool allFilesRead)
    {
        _index = index;
        _manifest = manifest;
        _allFilesRead = allFilesRead;
    }

    /// <summary>Checks <paramref name="files"/> (files that did not parse cleanly are left to the generator's diagnostics) against <paramref name="manifest"/>.</summary>
    public static IReadOnlyList<DiagnosticInfo> Check(IEnumerable<DefinitionFile> files, ShippedManifest? manifest)
    {
        var all = files.ToList();
        var checker = new CompatibilityChecker(new DefinitionIndex(all.Where(f => !f.HasErrors)), manifest, all.All(f => !f.HasErrors));
        checker.Run();
        return checker._diagnostics;
    }

    private void Report(DiagnosticDescriptor descriptor, LocationInfo location, params string[] args) =>
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, location, args));

    private void Run()
    {
        if (_manifest is not null)
        {
            foreach (var (line, reason) in _manifest.Errors)
            {
                Report(DiagnosticDescriptors.MalformedManifest, _manifest.LocationOfLine(line), reason);
            }
        }

        foreach (var name in _index.Objects.Keys.OrderBy(n => n, StringComparer.Ordinal))
        {
            CheckObject(name);
        }

        if (_manifest is not null)
        {
            CheckEvents(_manifest);
            CheckEnums(_manifest);
        }
    }

    private void CheckObject(string name)
    {
        var (definition, wireNamespace) = _index.Objects[name];
        if (!_index.ResolvesAllTypes(definition, wireNamespace))
        {
            // The generator reports the unknown type (VN0005); comparing a type that does not
            // exist with what shipped would only say the same thing twice.
            return;
        }

        var current = definition.Version;
        var versions = HistoryReplay.Versions(definition);
        var replayed = versions.ToDictionary(v => v, v => HistoryReplay.FieldsAt(definition, v));
        var shipped = _manifest is not null && _manifest.Objects.TryGetValue(name, out var found) ? found : new SortedDictionary<ObjectVersion, ShippedVersion>();

        CheckSequence(definition, versions, shipped);
        CheckRelationships(definition, wireNamespace);
        CheckSince(definition, versions);

        // What consumers have: the manifest for what shipped, the replayed history for the rest.
        var truth = new SortedDictionary<ObjectVersion, Dictionary<string, FieldShape>>();
        foreach (var pair in replayed)
        {
            truth[pair.Key] = pair.Value;
        }

        foreach (var pair in shipped)
        {
            truth[pair.Key] = pair.Value.Fields;
        }

        var reported = _diagnostics.Count;
        if (shipped.TryGetValue(current, out var shippedCurrent))
        {
            var changes = Differences(shippedCurrent.Fields, replayed[current]);
            if (changes.Count > 0)
            {
                Report(DiagnosticDescriptors.ChangedWithoutBump, LocationOfChange(definition, changes[0].Field, definition.VersionLocation), definition.Name, current.ToString(), string.Join("; ", changes.Select(c => c.Text)));
            }

        }
        else if (_manifest is not null)
        {
            Report(DiagnosticDescriptors.VersionNotShipped, definition.VersionLocation, definition.Name, current.ToString());
        }

        CheckMinorRule(definition, truth);
        if (_diagnostics.Count == reported)
        {
            CheckRewrites(definition, replayed, shipped, current);
        }

        CheckMajorBump(definition, truth, replayed[current]);
        CheckReservedNames(definition, shipped, replayed[current]);
    }

    /// <summary>History versions go up by one minor, or to the next major's x.0; shipped versions stay in the history.</summary>
    private void CheckSequence(ObjectDefinition definition, IReadOnlyList<ObjectVersion> versions, SortedDictionary<ObjectVersion, ShippedVersion> shipped)
    {
        for (var i = 1; i < versions.Count; i++)
        {
            var (before, after) = (versions[i - 1], versions[i]);
            var expected = after.Major == before.Major ? new ObjectVersion(before.Major, before.Minor + 1) : new ObjectVersion(before.Major + 1, 0);
            if (after != expected && after > before)
            {
                var location = definition.History.First(h => h.Version == after).Location;
                Report(DiagnosticDescriptors.VersionOutOfSequence, location, $"{definition.Name} goes from {before} to {after}; the version after {before} is {before.Major}.{before.Minor + 1} (more fields) or {before.Major + 1}.0 (anything else)");
            }
        }

        // An object may start after x.0 (first_version: nova's InstanceCreatePayload starts at 1.2); without the key it starts at x.0.
        if (!definition.History.IsEmpty && versions[0] != definition.FirstVersion)
        {
            Report(DiagnosticDescriptors.VersionOutOfSequence, definition.History[0].Location, $"the history of {definition.Name} starts at {versions[0]}; list every version from {definition.FirstVersion}, or say first_version: \"{versions[0]}\" if the object starts there");
        }

        if (shipped.Count > 0 && shipped.Keys.Last() > definition.Version)
        {
            Report(DiagnosticDescriptors.VersionOutOfSequence, definition.VersionLocation, $"{definition.Name} {definition.Version} goes backwards: {shipped.Keys.Last()} has shipped");
        }

        foreach (var version in shipped.Keys.Where(v => !definition.History.IsEmpty && !versions.Contains(v) && v <= definition.Version))
        {
            Report(DiagnosticDescriptors.VersionOutOfSequence, definition.Location, $"{definition.Name} {version} has shipped but is missing from the history");
        }
    }

    private void CheckSince(ObjectDefinition definition, IReadOnlyList<ObjectVersion> versions)
    {
        if (definition.History.IsEmpty)
        {
            return;
        }

        foreach (var field in definition.Fields.Where(f => !versions.Contains(f.Since) && f.Since <= definition.Version))
        {
            Report(DiagnosticDescriptors.SinceNotInHistory, field.SinceLocation, field.Name, definition.Name, field.Since.ToString(), "which is not a version in its history");
        }
    }

    /// <summary>
    /// Minor versions only add: every field of every version stays, unchanged, in every later minor
    /// of the same major (checked for every pair, not only neighbours), unless a named exception
    /// in between allowed exactly that change.
    /// </summary>
    private void CheckMinorRule(ObjectDefinition definition, SortedDictionary<ObjectVersion, Dictionary<string, FieldShape>> truth)
    {
        var reported = new HashSet<(string, ExceptionKind)>();
        var versions = truth.Keys.ToList();
        for (var i = 1; i < versions.Count; i++)
        {
            // The nearest earlier version first, so that a change is named against the version it broke.
            for (var j = i - 1; j >= 0; j--)
            {
                var (earlier, later) = (versions[j], versions[i]);
                if (earlier.Major != later.Major)
                {
                    continue;
                }

                foreach (var change in BreakingChanges(truth[earlier], truth[later]))
                {
                    var kind = change.Kind!.Value;
                    if (IsExcepted(definition, earlier, later, change.Field, kind) || !reported.Add((change.Field, kind)))
                    {
                        continue;
                    }

                    var location = LocationOfChange(definition, change.Field, definition.History.FirstOrDefault(h => h.Version == later)?.Location ?? definition.VersionLocation);
                    Report(DiagnosticDescriptors.BreakingMinorChange, location, definition.Name, later.ToString(), change.Text, earlier.ToString(), KindName(kind));
                }
            }
        }
    }

    private static bool IsExcepted(ObjectDefinition definition, ObjectVersion earlier, ObjectVersion later, string field, ExceptionKind kind) =>
        definition.History
            .Where(h => h.Version > earlier && h.Version <= later)
            .SelectMany(h => h.Exceptions)
            .Any(e => e.Kind == kind && (e.Field == field || (kind == ExceptionKind.Renamed && e.Was?.Name == field)));

    private void CheckRewrites(ObjectDefinition definition, Dictionary<ObjectVersion, Dictionary<string, FieldShape>> replayed, SortedDictionary<ObjectVersion, ShippedVersion> shipped, ObjectVersion current)
    {
        foreach (var pair in shipped.Where(p => p.Key != current && replayed.ContainsKey(p.Key)))
        {
            var changes = Differences(pair.Value.Fields, replayed[pair.Key]);
            if (changes.Count > 0)
            {
                var location = definition.History.FirstOrDefault(h => h.Version == pair.Key)?.Location ?? definition.VersionLocation;
                Report(DiagnosticDescriptors.ShippedVersionRewritten, location, definition.Name, pair.Key.ToString(), string.Join("; ", changes.Select(c => c.Text)));
            }
        }
    }

    /// <summary>A new major version that only adds fields to the version before it did not need to break anyone.</summary>
    private void CheckMajorBump(ObjectDefinition definition, SortedDictionary<ObjectVersion, Dictionary<string, FieldShape>> truth, Dictionary<string, FieldShape> current)
    {
        var version = definition.Version;
        var previous = truth.Keys.Where(v => v < version).Select(v => (ObjectVersion?)v).LastOrDefault();
        if (version.Minor != 0 || previous is not { } before || before.Major >= version.Major)
        {
            return;
        }

        if (Differences(truth[before], current).All(c => c.Kind is null))
        {
            Report(DiagnosticDescriptors.MajorBumpForAdditiveChange, definition.VersionLocation, definition.Name, version.ToString(), before.ToString());
        }
    }

    /// <summary>A field name used in an earlier major with another type stays reserved.</summary>
    private void CheckReservedNames(ObjectDefinition definition, SortedDictionary<ObjectVersion, ShippedVersion> shipped, Dictionary<string, FieldShape> current)
    {
        foreach (var field in definition.Fields.Where(f => current.ContainsKey(f.Name)))
        {
            var clash = shipped
                .Where(p => p.Key.Major < definition.Version.Major && p.Value.Fields.TryGetValue(field.Name, out var old) && old.Type != current[field.Name].Type)
                .Select(p => (Version: p.Key, Shape: p.Value.Fields[field.Name]))
                .LastOrDefault();
            if (clash.Shape is not null)
            {
                Report(DiagnosticDescriptors.RemovedNameReused, field.Location, field.Name, definition.Name, clash.Shape.Describe(), clash.Version.ToString());
            }
        }
    }

    /// <summary>
    /// What an object says it contains must be what is defined: the base version its current version carries
    /// (<c>base_versions</c>) and the version of each contained object (<c>child_versions</c>) must be those objects'
    /// current versions. A base or child bumped alone is VN0207: the container must be bumped and the new version
    /// mapped, as oslo.versionedobjects' <c>obj_relationships</c> demand. Relationships the definitions do not declare
    /// are not checked: OVO itself enforces only the declared ones (nova bumps ImageMetaPropsPayload while the
    /// ImageMetaPayload holding it stays 1.0).
    /// </summary>
    private void CheckRelationships(ObjectDefinition definition, string wireNamespace)
    {
        if (definition.Extends is { } baseName)
        {
            CheckRelationship(definition, wireNamespace, baseName, definition.BaseVersions, "base_versions");
        }

        foreach (var field in definition.Fields.Where(f => f.Removed is null && !f.ChildVersions.IsEmpty))
        {
            if (field.Type.Innermost is { Kind: Model.TypeKind.Named, Name: { } child })
            {
                CheckRelationship(definition, wireNamespace, child, field.ChildVersions, $"child_versions of '{field.Name}'");
            }
        }
    }

    private void CheckRelationship(ObjectDefinition definition, string wireNamespace, string used, EquatableArray<VersionMapping> steps, string key)
    {
        if (steps.IsEmpty || !_index.Objects.TryGetValue(ShippedManifest.Qualify(wireNamespace, used), out var entry))
        {
            return;
        }

        var carried = steps.StepAt(definition.Version);
        var usedVersion = entry.Definition.Version;
        if (carried is null || carried.Child != usedVersion)
        {
            var location = carried?.Location ?? steps[0].Location;
            var mapped = carried?.Child.ToString() ?? "no version";
            Report(DiagnosticDescriptors.ContainerNotBumped, location, entry.Definition.Name, usedVersion.ToString(), definition.Name, definition.Version.ToString(), mapped, key);
        }
    }

    private void CheckEvents(ShippedManifest manifest)
    {
        foreach (var shipped in manifest.Events.Values.OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            if (!_index.Events.TryGetValue(shipped.Name, out var entry))
            {
                if (_allFilesRead)
                {
                    Report(DiagnosticDescriptors.EventTypeRemoved, manifest.LocationOfLine(shipped.Line), shipped.Name);
                }

                continue;
            }

            var payload = DefinitionIndex.PayloadOf(entry.Definition, entry.WireNamespace);
            if (payload != shipped.Payload && !_index.IsOrExtends(payload, shipped.Payload))
            {
                Report(DiagnosticDescriptors.EventPayloadChanged, entry.Definition.PayloadLocation, shipped.Name, shipped.Payload, payload);
            }

            if (entry.Definition.Priority != shipped.Priority)
            {
                Report(DiagnosticDescriptors.EventPriorityChanged, entry.Definition.Location, shipped.Name, shipped.Priority.ToString().ToUpperInvariant(), entry.Definition.Priority.ToString().ToUpperInvariant());
            }
        }
    }

    private void CheckEnums(ShippedManifest manifest)
    {
        foreach (var shipped in manifest.EnumValues.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (!_index.Enums.TryGetValue(shipped.Key, out var definition))
            {
                continue;
            }

            foreach (var value in shipped.Value.Keys.Where(v => definition.Members.All(m => m.Value != v)))
            {
                Report(DiagnosticDescriptors.EnumValueRemoved, definition.Location, definition.Name, value);
            }
        }
    }

    /// <summary>The field's line when it is still defined, else <paramref name="fallback"/>.</summary>
    private static LocationInfo LocationOfChange(ObjectDefinition definition, string field, LocationInfo fallback) =>
        definition.Fields.FirstOrDefault(f => f.Name == field)?.Location ?? fallback;

    private sealed record Change(string Field, ExceptionKind? Kind, string Text);

    /// <summary>Every difference from <paramref name="before"/> to <paramref name="after"/>; additions have no kind.</summary>
    private static List<Change> Differences(Dictionary<string, FieldShape> before, Dictionary<string, FieldShape> after)
    {
        var changes = BreakingChanges(before, after).ToList();
        changes.AddRange(after.Keys.Where(k => !before.ContainsKey(k)).OrderBy(k => k, StringComparer.Ordinal).Select(k => new Change(k, null, $"adds field '{k}' ({after[k].Describe()})")));
        foreach (var name in before.Keys.Where(after.ContainsKey).OrderBy(k => k, StringComparer.Ordinal))
        {
            // A value added to an inline enum is additive, like a field: allowed in a minor version, a change to a shipped one.
            var added = after[name].EnumValues.Where(v => !before[name].EnumValues.Contains(v)).ToList();
            if (before[name].Type == after[name].Type && added.Count > 0)
            {
                changes.Add(new Change(name, null, $"adds the value(s) {string.Join(", ", added.Select(v => "'" + v + "'"))} to field '{name}'"));
            }
        }

        return changes;
    }

    private static IEnumerable<Change> BreakingChanges(Dictionary<string, FieldShape> before, Dictionary<string, FieldShape> after)
    {
        foreach (var name in before.Keys.OrderBy(k => k, StringComparer.Ordinal))
        {
            var old = before[name];
            if (!after.TryGetValue(name, out var now))
            {
                yield return new Change(name, ExceptionKind.Removed, $"removes field '{name}' ({old.Describe()})");
                continue;
            }

            if (old.Type != now.Type)
            {
                yield return new Change(name, ExceptionKind.Type, $"changes the type of field '{name}' from {old.Type} to {now.Type}");
            }

            if (old.IsNullable != now.IsNullable)
            {
                yield return new Change(name, ExceptionKind.Nullability, $"makes field '{name}' {(now.IsNullable ? "nullable" : "non-nullable")}");
            }

            if (old.DefaultJson != now.DefaultJson)
            {
                yield return new Change(name, ExceptionKind.Default, $"changes the default of field '{name}' from {old.DefaultJson ?? "none"} to {now.DefaultJson ?? "none"}");
            }

            var lost = old.EnumValues.Where(v => !now.EnumValues.Contains(v)).ToList();
            if (old.Type == now.Type && lost.Count > 0)
            {
                yield return new Change(name, ExceptionKind.EnumValues, $"drops the value(s) {string.Join(", ", lost.Select(v => "'" + v + "'"))} of field '{name}'");
            }
        }
    }

    private static string KindName(ExceptionKind kind) => kind switch
    {
        ExceptionKind.Type => "type",
        ExceptionKind.Nullability => "nullability",
        ExceptionKind.Default => "default",
        ExceptionKind.Removed => "removed",
        ExceptionKind.Renamed => "renamed",
        _ => "enum_values",
    };
}
