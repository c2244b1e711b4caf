using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using VersionedNotifications.Generator.Diagnostics;
using VersionedNotifications.Generator.Model;

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

    /// <summary>Gives each object the properties of its bases, farthest first, as they were bound for the bases.</summary>
    private List<ObjectSpec> WithInheritedProperties(List<(DeclaredObject Declared, ObjectSpec Spec)> bound)
    {
        var specs = bound.ToDictionary(b => b.Declared, b => b.Spec);
        var result = new List<ObjectSpec>(bound.Count);
        foreach (var (declared, spec) in bound)
        {
            var chain = new List<ObjectSpec>();
            var current = declared;
            while (_bases.TryGetValue(current, out var baseObject) && baseObject != declared && specs.TryGetValue(baseObject, out var baseSpec) && !chain.Contains(baseSpec))
            {
                chain.Add(baseSpec);
                current = baseObject;
            }

            chain.Reverse();
            result.Add(chain.Count == 0 ? spec : spec with { InheritedProperties = chain.SelectMany(c => c.Properties).ToEquatableArray() });
        }

        return result;
    }

    /// <summary>Fills the scopes, reporting names declared twice in a wire namespace or a C# namespace.</summary>
    private void DeclareTypes(List<DefinitionFile> files)
    {
        foreach (var file in files)
        {
            if (!_scopes.TryGetValue(file.WireNamespace!, out var scope))
            {
                scope = new Scope(file.WireNamespace!);
                _scopes.Add(scope.WireNamespace, scope);
            }

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

    /// <summary>The enum's members as emitted; a member cannot take a name the generated struct uses itself.</summary>
    private EquatableArray<EnumMemberSpec> ToMemberSpecs(string typeName, EquatableArray<EnumMember> members)
    {
        var specs = new List<EnumMemberSpec>();
        foreach (var member in MembersWithinLimit(typeName, members))
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
