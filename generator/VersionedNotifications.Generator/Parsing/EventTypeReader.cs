using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using VersionedNotifications.Generator.Diagnostics;
using VersionedNotifications.Generator.Model;

namespace VersionedNotifications.Generator.Parsing;

/// <summary>Reads the <c>event_types</c> of a file; a family is expanded into one event type per status.</summary>
internal sealed class EventTypeReader
{
    private static readonly string[] EventKeys = { "payload", "priority", "statuses", "aliases", "text_priorities", "description" };

    /// <summary>Dotted segments of lower case letters, digits, '_' and '-', each starting with a letter.</summary>
    private static readonly Regex EventNamePattern = new(@"^[a-z][a-z0-9_\-]*(\.[a-z][a-z0-9_\-]*)*$", RegexOptions.CultureInvariant);

    /// <summary>The statuses of a family (ironic's start/end/error/success, nova's progress) and the priority each has unless the definition says otherwise.</summary>
    private static readonly Dictionary<string, Priority> FamilyStatuses = new(StringComparer.Ordinal)
    {
        ["start"] = Priority.Info,
        ["end"] = Priority.Info,
        ["success"] = Priority.Info,
        ["error"] = Priority.Error,
        ["progress"] = Priority.Info,
    };

    private readonly ParseContext _context;

    public EventTypeReader(ParseContext context) => _context = context;

    public EquatableArray<EventDefinition> ReadAll(MappingReader root)
    {
        var events = new List<EventDefinition>();
        foreach (var entry in root.Entries("event_types"))
        {
            Read(entry.Key, entry.Value, events);
        }

        return events.ToEquatableArray();
    }

    private void Read(YamlTreeScalar keyNode, YamlTreeNode node, List<EventDefinition> events)
    {
        var key = keyNode.Value;
        var what = $"event type '{key}'";
        var reader = MappingReader.Create(_context, node, what, EventKeys);
        if (reader is null)
        {
            return;
        }

        var isValidName = IsValidEventName(key, keyNode);
        var payload = reader.RequiredString("payload", what);
        var payloadLocation = reader.TryGet("payload", out _, out var payloadNode) ? _context.LocationOf(payloadNode) : _context.LocationOf(keyNode);
        var aliases = ParseAliases(reader);
        var textPriorities = ParseTextPriorities(reader);
        var description = reader.OptionalString("description");

        if (reader.TryGet("statuses", out var statusesKey, out var statusesNode))
        {
            if (reader.TryGet("priority", out var priorityKey, out _))
            {
                _context.Report(DiagnosticDescriptors.InvalidValue, priorityKey, "priority", $"{what} is a family with statuses; give each status its priority under 'statuses' instead");
            }

            var statuses = ParseStatuses(statusesNode, key);
            if (!isValidName || payload is null || statuses.Count == 0)
            {
                return;
            }

            foreach (var status in statuses)
            {
                var statusAliases = new List<string>();
                foreach (var alias in aliases)
                {
                    statusAliases.Add(alias + "." + status.Key);
                }

                events.Add(new EventDefinition(key + "." + status.Key, _context.LocationOf(keyNode), key, status.Value, payload, payloadLocation, statusAliases.ToEquatableArray(), textPriorities, description));
            }

            return;
        }

        var priority = Priority.Info;
        if (reader.TryGet("priority", out _, out var priorityNode))
        {
            priority = ParsePriority(priorityNode) ?? Priority.Info;
        }

        if (isValidName && payload is not null)
        {
            events.Add(new EventDefinition(key, _context.LocationOf(keyNode), null, priority, payload, payloadLocation, aliases.ToEquatableArray(), textPriorities, description));
        }
    }

    private bool IsValidEventName(string name, YamlTreeNode at)
    {
        if (EventNamePattern.IsMatch(name))
        {
            return true;
        }

        _context.Report(DiagnosticDescriptors.InvalidEventType, at, name, "write dotted segments of lower case letters, digits, '_' and '-', each starting with a letter, such as baremetal.node.power_set");
        return false;
    }

    private List<KeyValuePair<string, Priority>> ParseStatuses(YamlTreeNode node, string family)
    {
        var statuses = new List<KeyValuePair<string, Priority>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        void Add(YamlTreeScalar statusNode, Priority? explicitPriority)
        {
            var status = statusNode.Value;
            if (!FamilyStatuses.TryGetValue(status, out var defaultPriority))
            {
                _context.Report(DiagnosticDescriptors.InvalidEventType, statusNode, family + "." + status, $"'{status}' is not a status of an event family; use start, end, error, success or progress");
                return;
            }

            if (!seen.Add(status))
            {
                _context.Report(DiagnosticDescriptors.DuplicateName, statusNode, "Status", status, $" in family '{family}'");
                return;
            }

            statuses.Add(new KeyValuePair<string, Priority>(status, explicitPriority ?? defaultPriority));
        }

        switch (node)
        {
            case YamlTreeSequence sequence when sequence.Items.Count > 0:
                foreach (var item in sequence.Items)
                {
                    if (item is YamlTreeScalar scalar && !scalar.IsNull)
                    {
                        Add(scalar, null);
                    }
                    else
                    {
                        _context.Report(DiagnosticDescriptors.InvalidValue, item, "statuses", $"expected a status name, found {item.Kind}");
                    }
                }

                break;

            case YamlTreeMapping mapping when mapping.Entries.Count > 0:
                foreach (var entry in mapping.Entries)
                {
                    var priority = ParsePriority(entry.Value);
                    if (priority is not null)
                    {
                        Add(entry.Key, priority);
                    }
                }

                break;

            default:
                _context.Report(DiagnosticDescriptors.InvalidValue, node, "statuses", "expected a non-empty list of statuses (start, end, error, success, progress) or a mapping of status to priority");
                break;
        }

        return statuses;
    }

    private List<string> ParseAliases(MappingReader reader)
    {
        var aliases = new List<string>();
        if (!reader.TryGet("aliases", out _, out var node))
        {
            return aliases;
        }

        if (node is not YamlTreeSequence sequence)
        {
            _context.Report(DiagnosticDescriptors.InvalidValue, node, "aliases", $"expected a list of event type names, found {node.Kind}");
            return aliases;
        }

        foreach (var item in sequence.Items)
        {
            if (_context.RequiredScalar(item, "aliases") is { } alias && IsValidEventName(alias, item))
            {
                aliases.Add(alias);
            }
        }

        return aliases;
    }

    private EquatableArray<Priority> ParseTextPriorities(MappingReader reader)
    {
        if (!reader.TryGet("text_priorities", out _, out var node))
        {
            return EquatableArray<Priority>.Empty;
        }

        if (node is not YamlTreeSequence sequence)
        {
            _context.Report(DiagnosticDescriptors.InvalidValue, node, "text_priorities", $"expected a list of priorities, found {node.Kind}");
            return EquatableArray<Priority>.Empty;
        }

        var priorities = new List<Priority>();
        foreach (var item in sequence.Items)
        {
            if (ParsePriority(item) is { } priority && !priorities.Contains(priority))
            {
                priorities.Add(priority);
            }
        }

        return priorities.ToEquatableArray();
    }

    private Priority? ParsePriority(YamlTreeNode node)
    {
        var text = _context.RequiredScalar(node, "priority");
        switch (text?.ToLowerInvariant())
        {
            case null:
                return null;
            case "debug": return Priority.Debug;
            case "info": return Priority.Info;
            case "warn" or "warning": return Priority.Warn;
            case "error": return Priority.Error;
            case "critical": return Priority.Critical;
            case "audit": return Priority.Audit;
            case "sample": return Priority.Sample;
            default:
                _context.Report(DiagnosticDescriptors.InvalidValue, node, "priority", $"'{text}' is not one of debug, info, warn, error, critical, audit, sample");
                return null;
        }
    }
}
