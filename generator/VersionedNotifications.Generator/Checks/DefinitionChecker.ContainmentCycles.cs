using System.Collections.Generic;
using System.Linq;
using VersionedNotifications.Generator.Diagnostics;
using VersionedNotifications.Generator.Model;

namespace VersionedNotifications.Generator.Checks;

internal sealed partial class DefinitionChecker
{
    /// <summary>One object on the path of the containment walk, with the fields still to follow.</summary>
    private sealed class ContainmentStep
    {
        public ContainmentStep(DeclaredObject declared, List<FieldDefinition> fields)
        {
            Declared = declared;
            Fields = fields;
        }

        public DeclaredObject Declared { get; }

        public List<FieldDefinition> Fields { get; }

        public int Next { get; set; }
    }

    /// <summary>
    /// Reports objects that must contain themselves: a chain of non-nullable object fields that comes
    /// back to where it started can never be built. Nullable fields and collections break such chains.
    /// A depth-first walk with its own stack: the length of a chain is the input's to decide, and a
    /// recursive walk would overflow the compiler's stack on a long one.
    /// </summary>
    private void CheckContainmentCycles(Scope scope)
    {
        // Absent: not met yet; false: on the current path; true: done.
        var state = new Dictionary<DeclaredObject, bool>();
        var path = new List<ContainmentStep>();
        var onPath = new Dictionary<DeclaredObject, int>();
        foreach (var root in scope.OrderedObjects)
        {
            if (state.ContainsKey(root))
            {
                continue;
            }

            Enter(root);
            while (path.Count > 0)
            {
                var step = path[path.Count - 1];
                if (step.Next == step.Fields.Count)
                {
                    path.RemoveAt(path.Count - 1);
                    onPath.Remove(step.Declared);
                    state[step.Declared] = true;
                    continue;
                }

                var field = step.Fields[step.Next++];
                var target = scope.Objects[field.Type.Name!];
                if (!state.TryGetValue(target, out var done))
                {
                    Enter(target);
                }
                else if (!done)
                {
                    var cycle = path.Skip(onPath[target]).Select(s => s.Declared.Definition.Name).Append(target.Definition.Name);
                    Report(DiagnosticDescriptors.Cycle, field.TypeLocation, $"Field '{field.Name}' makes object '{target.Definition.Name}' contain itself", string.Join(" -> ", cycle) + "; make one of these fields nullable");
                }
            }
        }

        void Enter(DeclaredObject declared)
        {
            state[declared] = false;
            onPath[declared] = path.Count;
            var fields = InheritedFields(declared).Select(f => f.Field)
                .Concat(declared.Definition.Fields.Where(f => f.Removed is null))
                .Where(f => !f.IsNullable && f.Type.Kind == TypeKind.Named && scope.Objects.ContainsKey(f.Type.Name!))
                .ToList();
            path.Add(new ContainmentStep(declared, fields));
        }
    }
}
