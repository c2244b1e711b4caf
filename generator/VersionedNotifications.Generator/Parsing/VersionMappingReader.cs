using System;
using System.Collections.Generic;
using VersionedNotifications.Generator.Diagnostics;
using VersionedNotifications.Generator.Model;

namespace VersionedNotifications.Generator.Parsing;

/// <summary>
/// Reads <c>base_versions</c> and <c>child_versions</c>: which version of a base or contained object each
/// version of this object carries (oslo.versionedobjects' <c>obj_relationships</c>). What one file can check is
/// checked here (the keys, the order); whether the values are versions of the other object is the checker's.
/// </summary>
internal sealed class VersionMappingReader
{
    private readonly ParseContext _context;

    public VersionMappingReader(ParseContext context) => _context = context;

    /// <summary>
    /// The steps of the mapping under <paramref name="key"/>, <c>{ "1.0": "1.0", "1.5": "1.3" }</c>. The keys go up,
    /// the first is <paramref name="first"/> (for the reason <paramref name="firstBecause"/> gives: "object 'X' starts at
    /// 1.2"), each is a version <paramref name="isVersion"/> accepts; the values never go down. Empty (reported) when any
    /// of that fails.
    /// </summary>
    public EquatableArray<VersionMapping> Read(YamlTreeNode node, string key, string what, ObjectVersion first, string firstBecause, Func<ObjectVersion, bool> isVersion)
    {
        if (node is not YamlTreeMapping mapping || mapping.Entries.Count == 0)
        {
            _context.Report(DiagnosticDescriptors.InvalidValue, node, key, $"expected a mapping of versions of {what} to versions of the other object, such as {{ \"{first}\": \"1.0\" }}");
            return EquatableArray<VersionMapping>.Empty;
        }

        var steps = new List<VersionMapping>();
        var isValid = true;
        foreach (var entry in mapping.Entries)
        {
            var from = _context.ReadVersion(entry.Key, key);
            var to = _context.ReadVersion(entry.Value, key);
            if (from is null || to is null)
            {
                isValid = false;
                continue;
            }

            var problem = Problem(steps, from.Value, to.Value, first, firstBecause, isVersion, what);
            if (problem is not null)
            {
                _context.Report(DiagnosticDescriptors.InvalidValue, problem.Value.OnValue ? entry.Value : entry.Key, key, problem.Value.Text);
                isValid = false;
                continue;
            }

            steps.Add(new VersionMapping(from.Value, to.Value, _context.LocationOf(entry.Key)));
        }

        return isValid ? steps.ToEquatableArray() : EquatableArray<VersionMapping>.Empty;
    }

    private static (string Text, bool OnValue)? Problem(List<VersionMapping> steps, ObjectVersion from, ObjectVersion to, ObjectVersion first, string firstBecause, Func<ObjectVersion, bool> isVersion, string what)
    {
        if (steps.Count == 0 && from != first)
        {
            return ($"the first step is at {from}, but {firstBecause}; begin with \"{first}\"", false);
        }

        if (steps.Count > 0 && from <= steps[steps.Count - 1].From)
        {
            return ($"the versions of {what} are listed oldest first; {from} comes after {steps[steps.Count - 1].From}", false);
        }

        if (!isVersion(from))
        {
            return ($"{from} is not a version in the history of {what}", false);
        }

        if (steps.Count > 0 && to < steps[steps.Count - 1].Child)
        {
            return ($"{from} carries {to}, older than the {steps[steps.Count - 1].Child} that {steps[steps.Count - 1].From} carries already; the version carried never goes down", true);
        }

        return null;
    }
}
