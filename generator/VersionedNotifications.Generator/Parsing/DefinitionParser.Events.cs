using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using VersionedNotifications.Generator.Diagnostics;
using VersionedNotifications.Generator.Model;

namespace VersionedNotifications.Generator.Parsing;

internal sealed partial class DefinitionParser
{
    private static readonly string[] EventKeys = { "payload", "priority", "statuses", "aliases", "text_priorities", "description" };

    /// <summary>Dotted segments of lower case letters, digits, '_' and '-', each starting with a letter.</summary>
    private static readonly Regex EventNamePattern = new(@"^[a-z][a-z0-9_\-]*(\.[a-z][a-z0-9_\-]*)*$", RegexOptions.CultureInvariant);

    /// <summary>The statuses of an ironic-style family and the priority each has unless the definition says otherwise.</summary>
    private static readonly Dictionary<string, Priority> FamilyStatuses = new(StringComparer.Ordinal)
    {
        ["start"] = Priority.Info,
        ["end"] = Priority.Info,
        ["success"] = Priority.Info,
        ["error"] = Priority.Error,
    };

    private EquatableArray<EventDefinition> ParseEventTypes(MappingReader root)
    {
        var events = new List<EventDefinition>();
        foreach (var entry in Entries(root, "event_types"))
        {
            ParseEventType(entry.Key, entry.Value, events);
        }

        return events.ToEquatableArray();
    }

    private void ParseEventType(YamlTreeScalar keyNode, YamlTreeNode node, List<EventDefinition> events)
    {
        var key = keyNode.Value;
        var context = $"event type '{key}'";
        var reader = MappingReader.Create(this, node, context, EventKeys);
        if (reader is null)
        {
            return;
        }

        var isValidName = IsValidEventName(key, keyNode);
        var payload = RequiredString(reader, "payload", context);
        var payloadLocation = reader.TryGet("payload", out _, out var payloadNode) ? LocationOf(payloadNode) : LocationOf(keyNode);
        var aliases = ParseAliases(reader);
        var textPriorities = ParseTextPriorities(reader);
        var description = OptionalString(reader, "description");

        if (reader.TryGet("statuses", out var statusesKey, out var statusesNode))
        {
            if (reader.TryGet("priority", out var priorityKey, out _))
            {
                Report(DiagnosticDescriptors.InvalidValue, priorityKey, "priority", $"{context} is a family with statuses; give each status its priority under 'statuses' instead");
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

                events.Add(new EventDefinition(key + "." + status.Key, LocationOf(keyNode), key, status.Value, payload, payloadLocation, statusAliases.ToEquatableArray(), textPriorities, description));
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
            events.Add(new EventDefinition(key, LocationOf(keyNode), null, priority, payload, payloadLocation, aliases.ToEquatableArray(), textPriorities, description));
        }
    }

    private bool IsValidEventName(string name, YamlTreeNode at)
    {
        if (EventNamePattern.IsMatch(name))
        {
            return true;
        }

        Report(DiagnosticDescriptors.InvalidEventType, at, name, "write dotted segments of lower case letters, digits, '_' and '-', each starting with a letter, such as baremetal.node.power_set");
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
                Report(DiagnosticDescriptors.InvalidEventType, statusNode, family + "." + status, $"'{status}' is not a status of an event family; use start, end, error or success");
                return;
            }

            if (!seen.Add(status))
            {
                Report(DiagnosticDescriptors.DuplicateName, statusNode, "Status", status, $" in family '{family}'");
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
                        Report(DiagnosticDescriptors.InvalidValue, item, "statuses", $"expected a status name, found {item.Kind}");
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
                Report(DiagnosticDescriptors.InvalidValue, node, "statuses", "expected a non-empty list of statuses (start, end, error, success) or a mapping of status to priority");
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
            Report(DiagnosticDescriptors.InvalidValue, node, "aliases", $"expected a list of event type names, found {node.Kind}");
            return aliases;
        }

        foreach (var item in sequence.Items)
        {
            if (RequiredScalar(item, "aliases") is { } alias && IsValidEventName(alias, item))
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
            Report(DiagnosticDescriptors.InvalidValue, node, "text_priorities", $"expected a list of priorities, found {node.Kind}");
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
        var text = RequiredScalar(node, "priority");
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
                Report(DiagnosticDescriptors.InvalidValue, node, "priority", $"'{text}' is not one of debug, info, warn, error, critical, audit, sample");
                return null;
        }
    }
}
