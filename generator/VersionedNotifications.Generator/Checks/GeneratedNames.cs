using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;
using VersionedNotifications.Generator.Diagnostics;
using VersionedNotifications.Generator.Emit;
using VersionedNotifications.Generator.Model;

namespace VersionedNotifications.Generator.Checks;

/// <summary>
/// Every C# type the generator will emit, claimed once with the YAML place that asks for it, so that
/// no two generated files get the same hint name (CS8785, which drops all generated code), no two types
/// the same name (CS0101), no type the name of a namespace, and no name grows past what the compiler
/// and the file system take (CS7013, CS0016). What cannot be claimed is reported and left out.
/// </summary>
internal sealed class GeneratedNames
{
    /// <summary>
    /// The longest C# name (a type, a property, an enum member, a segment of a namespace or of an event
    /// type) the generator emits. Metadata takes 1,023 UTF-8 bytes per name; real names are under 60 characters.
    /// </summary>
    public const int MaxIdentifierLength = 128;

    /// <summary>
    /// The longest hint name, in UTF-8 bytes. With <c>EmitCompilerGeneratedFiles</c> each generated file is
    /// written under its hint name, and file systems take 255 bytes per file name.
    /// </summary>
    public const int MaxHintNameBytes = 255;

    private readonly Action<DiagnosticDescriptor, LocationInfo, string[]> _report;

    /// <summary>Full type names taken, ignoring case as the compiler compares hint names, with what took them and where.</summary>
    private readonly Dictionary<string, Claim> _types = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every C# namespace the definitions declare, and each of their enclosing namespaces.</summary>
    private readonly HashSet<string> _namespaces = new(StringComparer.Ordinal);

    public GeneratedNames(Action<DiagnosticDescriptor, LocationInfo, string[]> report) => _report = report;

    private sealed record Claim(string FullName, string Owner, LocationInfo Location);

    /// <summary>
    /// Records a C# namespace and its enclosing ones, so that no generated type takes one of their
    /// names; false (reported) when one of its segments is too long.
    /// </summary>
    public bool DeclareNamespace(string csharpNamespace, LocationInfo location)
    {
        foreach (var segment in csharpNamespace.Split('.'))
        {
            if (!IsShortEnough(segment, location, $"The C# namespace '{csharpNamespace}'"))
            {
                return false;
            }
        }

        for (var name = csharpNamespace; ; name = name.Substring(0, name.LastIndexOf('.')))
        {
            _namespaces.Add(name);
            if (name.IndexOf('.') < 0)
            {
                break;
            }
        }

        return true;
    }

    /// <summary>Takes the record of an object and its converter, both or neither; false (reported) when either cannot be had.</summary>
    public bool ClaimObject(string csharpNamespace, string typeName, LocationInfo location, string owner) =>
        CanClaim(csharpNamespace, typeName, location, owner)
        && CanClaim(csharpNamespace, ConverterEmitter.TypeNameOf(typeName), location, $"the converter of {owner}")
        && Take(csharpNamespace, typeName, location, owner)
        && Take(csharpNamespace, ConverterEmitter.TypeNameOf(typeName), location, $"the converter of {owner}");

    /// <summary>Takes one generated type (an enum, an EventTypes class); false (reported) when it cannot be had.</summary>
    public bool ClaimType(string csharpNamespace, string typeName, LocationInfo location, string owner) =>
        CanClaim(csharpNamespace, typeName, location, owner) && Take(csharpNamespace, typeName, location, owner);

    /// <summary>What took <paramref name="fullName"/> (or a name that differs only in case) and where; null when nothing did.</summary>
    public (string FullName, string Owner, LocationInfo Location)? TypeHolder(string fullName) =>
        _types.TryGetValue(fullName, out var claim) ? (claim.FullName, claim.Owner, claim.Location) : null;

    /// <summary>Whether a generated member or type name is within <see cref="MaxIdentifierLength"/>; reported when not.</summary>
    public bool IsShortEnough(string name, LocationInfo location, string what)
    {
        if (name.Length <= MaxIdentifierLength)
        {
            return true;
        }

        _report(DiagnosticDescriptors.LimitExceeded, location, new[]
        {
            $"{what} gives the C# name '{Shorten(name)}' of {name.Length} characters; the generator takes at most {MaxIdentifierLength} (the compiler fails on long names); give it a shorter csharp_name",
        });
        return false;
    }

    private bool CanClaim(string csharpNamespace, string typeName, LocationInfo location, string owner)
    {
        if (!IsShortEnough(typeName, location, owner[0].ToString().ToUpperInvariant() + owner.Substring(1)))
        {
            return false;
        }

        var fullName = csharpNamespace + "." + typeName;
        var hintName = EmitHelpers.HintName(csharpNamespace, typeName);
        var hintBytes = Encoding.UTF8.GetByteCount(hintName);
        if (hintBytes > MaxHintNameBytes)
        {
            Report(location, $"The generated file of {owner}, '{Shorten(hintName)}', would have a name of {hintBytes} UTF-8 bytes; file systems take at most {MaxHintNameBytes}; shorten the csharp_namespace or give it a shorter csharp_name");
            return false;
        }

        if (_types.TryGetValue(fullName, out var holder))
        {
            var how = holder.FullName == fullName ? "is already taken by" : $"differs only in case from '{holder.FullName}' of";
            Report(location, $"The C# type name '{fullName}' of {owner} {how} {holder.Owner}; give one of them a csharp_name");
            return false;
        }

        if (_namespaces.Contains(fullName))
        {
            Report(location, $"The C# type name '{fullName}' of {owner} is also the name of a C# namespace of the definitions; give it a csharp_name");
            return false;
        }

        return true;
    }

    private bool Take(string csharpNamespace, string typeName, LocationInfo location, string owner)
    {
        var fullName = csharpNamespace + "." + typeName;
        _types.Add(fullName, new Claim(fullName, owner, location));
        return true;
    }

    private void Report(LocationInfo location, string message) =>
        _report(DiagnosticDescriptors.NameConflict, location, new[] { message });

    /// <summary>A long name cut for a message: enough to recognize it, not a wall of text.</summary>
    public static string Shorten(string name)
    {
        if (name.Length <= 80)
        {
            return name;
        }

        // Never cut a surrogate pair in two: the message would carry half a character.
        var head = char.IsHighSurrogate(name[59]) ? 59 : 60;
        var tail = char.IsLowSurrogate(name[name.Length - 10]) ? 9 : 10;
        return name.Substring(0, head) + "…" + name.Substring(name.Length - tail);
    }
}
