using System;
using System.Collections.Generic;
using System.Linq;
using VersionedNotifications.Generator.Diagnostics;
using VersionedNotifications.Generator.Emit;
using VersionedNotifications.Generator.Model;

namespace VersionedNotifications.Generator.Checks;

internal sealed partial class DefinitionChecker
{
    /// <summary>
    /// Takes the JSON context's type name before any definition can: an object named like it in its
    /// namespace would give two generated files one hint name.
    /// </summary>
    private void ClaimJsonContext(List<DefinitionFile> files, ContextNaming naming)
    {
        var withObjects = files.Where(f => !f.Objects.IsEmpty).ToList();
        if (withObjects.Count == 0)
        {
            return;
        }

        var firstNamespace = withObjects.Select(f => f.CSharpNamespace!).OrderBy(n => n, StringComparer.Ordinal).First();
        var (contextNamespace, typeName) = JsonContextBuilder.NameOf(firstNamespace, naming);
        var location = withObjects[0].NamespaceLocation;
        var origin = naming.ExplicitName is { Length: > 0 } ? "named by VersionedNotificationsJsonContext"
            : naming.RootNamespace is { Length: > 0 } ? "named from RootNamespace; set VersionedNotificationsJsonContext to name it otherwise"
            : "set VersionedNotificationsJsonContext to name it otherwise";
        if (_names.DeclareNamespace(contextNamespace, location))
        {
            _names.ClaimType(contextNamespace, typeName, location, $"the generated JSON context ({origin})");
        }
    }

    /// <summary>Reports objects whose type-info property on the JSON context would clash with another member of it; the context leaves them out.</summary>
    private void CheckJsonContextMembers(GenerationSpec spec, ContextNaming naming)
    {
        foreach (var (objectTypeName, reason) in JsonContextBuilder.Plan(spec, naming).Clashes)
        {
            var fullName = objectTypeName.Substring("global::".Length);
            if (_names.TypeHolder(fullName) is { } holder)
            {
                Report(DiagnosticDescriptors.NameConflict, holder.Location, $"The C# type '{fullName}' of {holder.Owner}: {reason}; give one of them a csharp_name");
            }
        }
    }
}
