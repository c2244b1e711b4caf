using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using VersionedNotifications.Generator.Compatibility;
using VersionedNotifications.Generator.Diagnostics;
using VersionedNotifications.Generator.Model;
using VersionedNotifications.Generator.Parsing;

namespace VersionedNotifications.Generator.Checks;

/// <summary>
/// Checks what needs all the files at once (names across files, bases, cycles, payloads, C# name
/// clashes) and binds the valid definitions into a <see cref="GenerationSpec"/>. What is invalid is
/// reported and left out; everything else is still generated, so one mistake in a YAML file does
/// not take every generated type away from the code that uses them.
/// </summary>
internal sealed partial class DefinitionChecker
{
    /// <summary>Members every generated record has; a field cannot take these names.</summary>
    private static readonly HashSet<string> ReservedMemberNames = new(StringComparer.Ordinal)
    {
        "ObjectName", "ObjectNamespace", "ObjectVersion", "ObjectInfo", "WireState", "WireConverter",
        "EqualityContract", "Equals", "GetHashCode", "ToString", "PrintMembers", "Deconstruct", "GetType", "MemberwiseClone", "Finalize",
        "op_Equality", "op_Inequality",
    };

    /// <summary>Members every generated enum struct has; a value cannot take these names.</summary>
    private static readonly HashSet<string> ReservedEnumMemberNames = new(StringComparer.Ordinal)
    {
        "Value", "IsKnown", "KnownValues", "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize",
        "_value", "op_Equality", "op_Inequality", "op_Implicit", "op_Explicit",
    };

    private readonly CancellationToken _cancellationToken;
    private readonly List<DiagnosticInfo> _diagnostics = new();
    private readonly Dictionary<string, Scope> _scopes = new(StringComparer.Ordinal);

    /// <summary>Every generated type, claimed once with the place that asks for it.</summary>
    private readonly GeneratedNames _names;

    /// <summary>Each object's resolved base, once <see cref="ResolveBases"/> has run.</summary>
    private Dictionary<DeclaredObject, DeclaredObject> _bases = new();

    private DefinitionChecker(CancellationToken cancellationToken)
    {
        _cancellationToken = cancellationToken;
        _names = new GeneratedNames(Report);
    }

    /// <summary>Checks <paramref name="files"/> together; <paramref name="contextNaming"/> names the JSON context as the build properties do (none: as a project without them).</summary>
    public static Result<GenerationSpec> Check(ImmutableArray<DefinitionFile> files, ContextNaming? contextNaming = null, CancellationToken cancellationToken = default)
    {
        var checker = new DefinitionChecker(cancellationToken);
        try
        {
            var spec = checker.Run(files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList(), contextNaming ?? new ContextNaming(null, null));
            return new Result<GenerationSpec>(spec, checker._diagnostics.ToEquatableArray());
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // See DefinitionParser.Parse: one diagnostic instead of CS8785.
            var location = files.IsEmpty ? LocationInfo.StartOf(string.Empty) : LocationInfo.StartOf(files[0].Path);
            var diagnostic = DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, location, e.GetType().Name + ": " + e.Message);
            return new Result<GenerationSpec>(GenerationSpec.Empty, new[] { diagnostic }.ToEquatableArray());
        }
    }

    private void Report(DiagnosticDescriptor descriptor, LocationInfo location, params string[] args) =>
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, location, args));

    private static string Where(LocationInfo location) =>
        string.Format(CultureInfo.InvariantCulture, "{0}:{1}:{2}", location.FilePath, location.LineSpan.Start.Line + 1, location.LineSpan.Start.Character + 1);

    private GenerationSpec Run(List<DefinitionFile> files, ContextNaming contextNaming)
    {
        var usable = files.Where(f => f.WireNamespace is not null && f.CSharpNamespace is not null && _names.DeclareNamespace(f.CSharpNamespace, f.NamespaceLocation)).ToList();
        ClaimJsonContext(usable, contextNaming);
        DeclareTypes(usable);

        // A file without a usable csharp_namespace declares nothing, but it does name its objects and enums:
        // what uses them hears of that file's own error only.
        foreach (var file in files.Where(f => f.WireNamespace is not null && f.CSharpNamespace is null))
        {
            var names = ScopeOf(file.WireNamespace!).UnreadNames;
            names.UnionWith(file.UnreadNames);
            names.UnionWith(file.Objects.Select(o => o.Name));
            names.UnionWith(file.Enums.Select(e => e.Name));
        }

        _bases = ResolveBases();
        LimitExtendsDepth();
        var extended = new HashSet<DeclaredObject>(_bases.Values);
        var enums = new List<EnumSpec>();
        var bound = new List<(DeclaredObject Declared, ObjectSpec Spec)>();
        foreach (var scope in _scopes.Values.OrderBy(s => s.WireNamespace, StringComparer.Ordinal))
        {
            foreach (var declared in scope.Enums.Values)
            {
                enums.Add(new EnumSpec(declared.File.CSharpNamespace!, declared.Definition.CSharpName, declared.Definition.Description, ToMemberSpecs(declared.Definition.CSharpName, declared.Definition.Members)));
            }

            foreach (var declared in scope.OrderedObjects)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                _bases.TryGetValue(declared, out var baseObject);
                bound.Add((declared, BindObject(scope, declared, baseObject, isSealed: !extended.Contains(declared), enums)));
            }

            CheckContainmentCycles(scope);
            CheckVersionRelations(scope);
        }

        var objects = WithInheritedProperties(bound);
        var eventTypes = BindEventTypes(usable);
        var spec = new GenerationSpec(
            objects.OrderBy(o => o.Namespace, StringComparer.Ordinal).ThenBy(o => o.TypeName, StringComparer.Ordinal).ToEquatableArray(),
            enums.OrderBy(e => e.Namespace, StringComparer.Ordinal).ThenBy(e => e.TypeName, StringComparer.Ordinal).ToEquatableArray(),
            eventTypes);
        CheckJsonContextMembers(spec, contextNaming);
        return spec;
    }

    /// <summary>
    /// Gives each object the properties of its bases, farthest first, as they were bound for the bases; with each
    /// <c>Since</c> on the object's own version scale when every object on the chain says which base version it
    /// carries (<c>base_versions</c>).
    /// </summary>
    private List<ObjectSpec> WithInheritedProperties(List<(DeclaredObject Declared, ObjectSpec Spec)> bound)
    {
        var specs = bound.ToDictionary(b => b.Declared, b => b.Spec);
        var result = new List<ObjectSpec>(bound.Count);
        foreach (var (declared, spec) in bound)
        {
            // The chain from the farthest base down to the object itself.
            var chain = new List<DeclaredObject> { declared };
            var current = declared;
            while (_bases.TryGetValue(current, out var baseObject) && baseObject != declared && specs.ContainsKey(baseObject) && !chain.Contains(baseObject))
            {
                chain.Add(baseObject);
                current = baseObject;
            }

            if (chain.Count == 1)
            {
                result.Add(spec);
                continue;
            }

            chain.Reverse();
            var sinceKnown = chain.Skip(1).All(o => !o.Definition.BaseVersions.IsEmpty);
            result.Add(spec with
            {
                InheritedProperties = (sinceKnown ? InheritedOnOwnScale(chain, specs) : chain.Take(chain.Count - 1).SelectMany(o => specs[o].Properties)).ToEquatableArray(),
                InheritedSinceKnown = sinceKnown,
                // A plain dict's keys are in the order its code builds it; glance's derived payloads add theirs last.
                WireOrder = declared.Definition.IsVersioned ? OsloFieldOrder.Of(Enumerable.Reverse(chain).Select(o => o.Definition)).ToEquatableArray() : EquatableArray<string>.Empty,
            });
        }

        return result;
    }

    /// <summary>
    /// The properties the last object of <paramref name="chain"/> (farthest base first) inherits, each <c>Since</c>
    /// moved down the chain, base by base, to the first version of each object whose base version has the field.
    /// </summary>
    private static IEnumerable<PropertySpec> InheritedOnOwnScale(List<DeclaredObject> chain, Dictionary<DeclaredObject, ObjectSpec> specs)
    {
        var inherited = new List<(PropertySpec Property, ObjectVersion Since)>();
        for (var i = 0; i < chain.Count - 1; i++)
        {
            foreach (var property in specs[chain[i]].Properties)
            {
                inherited.Add((property, ObjectVersion.TryParse(property.Since, out var since) ? since : chain[i].Definition.Version));
            }

            var container = chain[i + 1].Definition;
            for (var j = 0; j < inherited.Count; j++)
            {
                inherited[j] = (inherited[j].Property, FirstVersionCarrying(container, inherited[j].Since));
            }
        }

        return inherited.Select(s => s.Property with { Since = s.Since.ToString() });
    }

    /// <summary>The first version of <paramref name="container"/> whose base is at <paramref name="baseVersion"/> or later (its current version when none is).</summary>
    private static ObjectVersion FirstVersionCarrying(ObjectDefinition container, ObjectVersion baseVersion) =>
        HistoryReplay.Versions(container).Select(v => (ObjectVersion?)v).FirstOrDefault(v => container.BaseVersions.StepAt(v!.Value)?.Child >= baseVersion)
            ?? container.Version;

    /// <summary>Fills the scopes, reporting names declared twice in a wire namespace or a C# namespace.</summary>
    private void DeclareTypes(List<DefinitionFile> files)
    {
        foreach (var file in files)
        {
            var scope = ScopeOf(file.WireNamespace!);
            scope.UnreadNames.UnionWith(file.UnreadNames);

            foreach (var enumDefinition in file.Enums)
            {
                if (IsNameTaken(scope, enumDefinition.Name, enumDefinition.Location, "Enum")
                    || !ClaimTypeName(file.CSharpNamespace!, enumDefinition.CSharpName, enumDefinition.Location, $"enum '{enumDefinition.Name}'"))
                {
                    continue;
                }

                scope.Enums.Add(enumDefinition.Name, new DeclaredEnum(enumDefinition, file));
            }

            foreach (var objectDefinition in file.Objects)
            {
                if (IsNameTaken(scope, objectDefinition.Name, objectDefinition.Location, "Object")
                    || !_names.ClaimObject(file.CSharpNamespace!, objectDefinition.CSharpName, objectDefinition.Location, $"object '{objectDefinition.Name}'"))
                {
                    continue;
                }

                var declared = new DeclaredObject(objectDefinition, file);
                scope.Objects.Add(objectDefinition.Name, declared);
                scope.OrderedObjects.Add(declared);
            }
        }
    }

    private Scope ScopeOf(string wireNamespace)
    {
        if (!_scopes.TryGetValue(wireNamespace, out var scope))
        {
            scope = new Scope(wireNamespace);
            _scopes.Add(wireNamespace, scope);
        }

        return scope;
    }

    private bool IsNameTaken(Scope scope, string name, LocationInfo location, string kind)
    {
        LocationInfo? first = scope.Objects.TryGetValue(name, out var existingObject) ? existingObject.Definition.Location
            : scope.Enums.TryGetValue(name, out var existingEnum) ? existingEnum.Definition.Location
            : null;
        if (first is null)
        {
            return false;
        }

        Report(DiagnosticDescriptors.DuplicateName, location, kind, name, $" in namespace '{scope.WireNamespace}' (first at {Where(first)})");
        return true;
    }

    /// <summary>Takes a C# type name in a C# namespace; false (reported) when something else has it.</summary>
    private bool ClaimTypeName(string csharpNamespace, string typeName, LocationInfo location, string owner) =>
        _names.ClaimType(csharpNamespace, typeName, location, owner);

    /// <summary>The enum's members as emitted (a repeated value is one member); a member cannot take a name the generated struct uses itself.</summary>
    private EquatableArray<EnumMemberSpec> ToMemberSpecs(string typeName, EquatableArray<EnumMember> members)
    {
        var specs = new List<EnumMemberSpec>();
        foreach (var member in MembersWithinLimit(typeName, members).Where(m => !m.IsRepeat))
        {
            if (!_names.IsShortEnough(member.CSharpName, member.Location, $"The value '{GeneratedNames.Shorten(member.Value)}'"))
            {
                continue;
            }

            if (member.CSharpName == typeName || ReservedEnumMemberNames.Contains(member.CSharpName))
            {
                Report(DiagnosticDescriptors.NameConflict, member.Location, $"The value '{member.Value}' gives the member name '{member.CSharpName}', which the generated {typeName} uses itself; give the value a csharp_name");
                continue;
            }

            specs.Add(new EnumMemberSpec(member.CSharpName, member.Value, member.Description));
        }

        return specs.ToEquatableArray();
    }
}
