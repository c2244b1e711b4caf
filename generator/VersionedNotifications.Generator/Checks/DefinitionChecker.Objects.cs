using System;
using System.Collections.Generic;
using System.Linq;
using VersionedNotifications.Generator.Diagnostics;
using VersionedNotifications.Generator.Model;
using VersionedNotifications.Generator.Parsing;

namespace VersionedNotifications.Generator.Checks;

internal sealed partial class DefinitionChecker
{
    private ObjectSpec BindObject(Scope scope, DeclaredObject declared, DeclaredObject? baseObject, bool isSealed, List<EnumSpec> enums)
    {
        var definition = declared.Definition;
        var csharpNamespace = declared.File.CSharpNamespace!;
        var inherited = InheritedFields(declared);
        var propertyNames = new Dictionary<string, string>(StringComparer.Ordinal);
        var wireNames = new HashSet<string>(inherited.Select(f => f.Field.Name), StringComparer.Ordinal);
        foreach (var (field, owner) in inherited)
        {
            propertyNames[field.CSharpName] = $"base object '{owner.Definition.Name}'";
        }

        var properties = new List<PropertySpec>();
        foreach (var field in FieldsWithinLimit(definition, inherited.Count))
        {
            if (!wireNames.Add(field.Name))
            {
                // A re-declaration of an inherited field that changes nothing keeps the base's property,
                // and so its place in the field order, as oslo's fields dict keeps the base's key position.
                CheckRedeclaration(field, inherited.FirstOrDefault(f => f.Field.Name == field.Name));
                continue;
            }

            if (!IsTypeKnown(scope, field))
            {
                continue;
            }

            if (!_names.IsShortEnough(field.CSharpName, field.Location, $"Field '{field.Name}'") || !ClaimPropertyName(field, definition, propertyNames))
            {
                continue;
            }

            if (field.Removed is not null)
            {
                continue;
            }

            string? inlineEnumType = null;
            if (!field.EnumMembers.IsEmpty)
            {
                var enumName = definition.CSharpName + field.CSharpName;
                if (!ClaimTypeName(csharpNamespace, enumName, field.Location, $"the values of field '{field.Name}' of object '{definition.Name}'"))
                {
                    continue;
                }

                enums.Add(new EnumSpec(csharpNamespace, enumName, field.Description, ToMemberSpecs(enumName, field.EnumMembers)));
                inlineEnumType = "global::" + csharpNamespace + "." + enumName;
            }

            properties.Add(BindProperty(scope, field, inlineEnumType));
        }

        CheckExceptions(declared, inherited);
        var knownVersions = definition.History.IsEmpty
            ? new[] { definition.Version.ToString() }.ToEquatableArray()
            : definition.History.Select(h => h.Version.ToString()).ToEquatableArray();
        return new ObjectSpec(
            csharpNamespace,
            definition.CSharpName,
            definition.Name,
            scope.WireNamespace,
            definition.Version.ToString(),
            knownVersions,
            definition.IsVersioned,
            baseObject?.FullTypeName,
            isSealed,
            definition.Description,
            definition.History.Select(h => h.Version + ": " + h.Changes).ToEquatableArray(),
            properties.ToEquatableArray(),
            EquatableArray<PropertySpec>.Empty);
    }

    /// <summary>
    /// A field the base already has may be declared again (nova re-declares <c>request_id</c>) when the declaration
    /// is the same; description, example and since may differ. One that differs is reported, saying how.
    /// </summary>
    private void CheckRedeclaration(FieldDefinition field, (FieldDefinition Field, DeclaredObject Owner) inherited)
    {
        if (inherited.Owner is null)
        {
            Report(DiagnosticDescriptors.DuplicateName, field.Location, "Field", field.Name, string.Empty);
            return;
        }

        var differences = RedeclarationDifferences(inherited.Field, field);
        if (differences.Count > 0)
        {
            Report(DiagnosticDescriptors.DuplicateName, field.Location, "Field", field.Name, $": base object '{inherited.Owner.Definition.Name}' has it already, and this declaration differs in {string.Join("; ", differences)}; re-declare it exactly as the base does, or give it another name");
        }
    }

    private static List<string> RedeclarationDifferences(FieldDefinition inBase, FieldDefinition here)
    {
        var differences = new List<string>();
        void Compare(string what, string baseValue, string value)
        {
            if (baseValue != value)
            {
                differences.Add($"{what} ({value} here, {baseValue} in the base)");
            }
        }

        Compare("type", inBase.Type.ToString(), here.Type.ToString());
        Compare("nullable", Flag(inBase.IsNullable), Flag(here.IsNullable));
        Compare("optional", Flag(inBase.IsOptional), Flag(here.IsOptional));
        Compare("default", inBase.Default?.Json ?? "none", here.Default?.Json ?? "none");
        Compare("secret", Flag(inBase.IsSecret), Flag(here.IsSecret));
        Compare("masked_keys", "[" + string.Join(", ", inBase.MaskedKeys) + "]", "[" + string.Join(", ", here.MaskedKeys) + "]");
        Compare("values", "[" + string.Join(", ", inBase.EnumMembers.Select(m => m.Value)) + "]", "[" + string.Join(", ", here.EnumMembers.Select(m => m.Value)) + "]");
        return differences;
    }

    private static string Flag(bool value) => value ? "true" : "false";

    private PropertySpec BindProperty(Scope scope, FieldDefinition field, string? inlineEnumType)
    {
        var typeSyntax = CSharpTypeMapper.TypeSyntax(field.Type, field.IsNullable, inlineEnumType, name => ResolveNamed(scope, name));
        string? initializer = null;
        // An optional field starts unset; the parser reports a default on one (an unset field has no value to default).
        if (field.Default is { } defaultValue && !field.IsOptional)
        {
            initializer = CSharpTypeMapper.DefaultExpression(field.Type, field.IsNullable, typeSyntax, defaultValue, value => EnumMemberFor(scope, field, inlineEnumType, value));
            if (initializer is null)
            {
                // A number as written: its JSON form may be rounded (9223372036854775808 is a float there).
                var written = defaultValue.Kind is LiteralKind.Integer or LiteralKind.Float ? defaultValue.Text : defaultValue.Json;
                Report(DiagnosticDescriptors.InvalidDefault, field.DefaultLocation!, written, field.Name, field.Type + (field.IsNullable ? " (nullable)" : " (not nullable)"));
            }
        }

        var typeDisplay = field.Type + (field.IsNullable ? " (nullable)" : string.Empty) + (field.IsOptional ? " (optional: may be unset)" : string.Empty);
        // A default that does not fit is reported and dropped; the property is then required like
        // any other without a default, so that user code gets no uninitialized-member warning.
        var value = ValueSpecOf(scope, field.Type, field.IsNullable, inlineEnumType);
        var propertyType = field.IsOptional ? CSharpTypeMapper.OptionalType(typeSyntax) : typeSyntax;
        var isRequired = !field.IsOptional && !field.IsNullable && initializer is null;
        return new PropertySpec(field.CSharpName, field.Name, propertyType, isRequired, initializer, field.Description, field.Since.ToString(), field.IsSecret, typeDisplay, field.Example?.Json, value, field.MaskedKeys)
        {
            IsOptional = field.IsOptional,
            ChildVersions = field.ChildVersions.Select(step => new VersionStepSpec(step.From.ToString(), step.Child.ToString())).ToEquatableArray(),
        };
    }

    private static ValueSpec ValueSpecOf(Scope scope, TypeReference type, bool isNullable, string? inlineEnumType)
    {
        var element = type.Element is null ? null : ValueSpecOf(scope, type.Element, type.ElementNullable, inlineEnumType);
        var syntax = CSharpTypeMapper.TypeSyntax(type, isNullable: false, inlineEnumType, name => ResolveNamed(scope, name));
        var isEnum = type.Kind == TypeKind.InlineEnum || (type.Kind == TypeKind.Named && scope.Enums.ContainsKey(type.Name!));
        return new ValueSpec(type.Kind, syntax, isNullable, isEnum, element);
    }

    private bool ClaimPropertyName(FieldDefinition field, ObjectDefinition owner, Dictionary<string, string> propertyNames)
    {
        if (field.CSharpName == owner.CSharpName)
        {
            Report(DiagnosticDescriptors.NameConflict, field.Location, $"Field '{field.Name}' gives the property name '{field.CSharpName}', the name of its own type; give the field a csharp_name");
            return false;
        }

        if (ReservedMemberNames.Contains(field.CSharpName))
        {
            Report(DiagnosticDescriptors.NameConflict, field.Location, $"Field '{field.Name}' gives the property name '{field.CSharpName}', which every generated record has already; give the field a csharp_name");
            return false;
        }

        if (propertyNames.TryGetValue(field.CSharpName, out var holder))
        {
            Report(DiagnosticDescriptors.DuplicateName, field.Location, "C# property", field.CSharpName, $" (also the name of a field of {holder}); give the field a csharp_name");
            return false;
        }

        propertyNames.Add(field.CSharpName, $"object '{owner.Name}'");
        return true;
    }

    /// <summary>Whether the name in <paramref name="field"/>'s type (the innermost element of lists and dicts) resolves; reported when not.</summary>
    private bool IsTypeKnown(Scope scope, FieldDefinition field)
    {
        var type = field.Type.Innermost;
        if (type.Kind != TypeKind.Named || ResolveNamed(scope, type.Name!) is not null)
        {
            return true;
        }

        if (!scope.UnreadNames.Contains(type.Name!))
        {
            Report(DiagnosticDescriptors.UnknownType, field.TypeLocation, type.Name!, field.Name, TypeNames.BuiltInList, scope.WireNamespace, NameSuggestions.Hint(type.Name!, scope.TypeNames()));
        }

        return false;
    }

    private static string? ResolveNamed(Scope scope, string name) =>
        scope.Objects.TryGetValue(name, out var declaredObject) ? declaredObject.FullTypeName
        : scope.Enums.TryGetValue(name, out var declaredEnum) ? declaredEnum.FullTypeName
        : null;

    private static string? EnumMemberFor(Scope scope, FieldDefinition field, string? inlineEnumType, string value)
    {
        var innermost = field.Type.Innermost;

        if (inlineEnumType is not null)
        {
            var member = field.EnumMembers.FirstOrDefault(m => m.Value == value);
            return member is null ? null : inlineEnumType + "." + member.CSharpName;
        }

        if (innermost.Kind == TypeKind.Named && scope.Enums.TryGetValue(innermost.Name!, out var declared))
        {
            var member = declared.Definition.Members.FirstOrDefault(m => m.Value == value);
            return member is null ? null : declared.FullTypeName + "." + member.CSharpName;
        }

        return null;
    }

    /// <summary>The fields an object inherits, nearest base last, with the object that declares each.</summary>
    private List<(FieldDefinition Field, DeclaredObject Owner)> InheritedFields(DeclaredObject declared)
    {
        var chain = new List<DeclaredObject>();
        var current = declared;
        while (_bases.TryGetValue(current, out var baseObject) && !chain.Contains(baseObject) && baseObject != declared)
        {
            chain.Add(baseObject);
            current = baseObject;
        }

        chain.Reverse();
        return chain.SelectMany(owner => owner.Definition.Fields.Where(f => f.Removed is null).Select(f => (f, owner))).ToList();
    }

    /// <summary>A history exception must name a field the object has, or had before it was removed.</summary>
    private void CheckExceptions(DeclaredObject declared, List<(FieldDefinition Field, DeclaredObject Owner)> inherited)
    {
        var definition = declared.Definition;
        foreach (var entry in definition.History)
        {
            foreach (var exception in entry.Exceptions)
            {
                var known = definition.Fields.Any(f => f.Name == exception.Field) || inherited.Any(f => f.Field.Name == exception.Field);
                if (!known && exception.Kind is not (ExceptionKind.Removed or ExceptionKind.Renamed))
                {
                    Report(DiagnosticDescriptors.UnknownHistoryField, exception.FieldLocation, exception.Name, entry.Version.ToString(), exception.Field, $"object '{definition.Name}'");
                }
            }
        }
    }
}
