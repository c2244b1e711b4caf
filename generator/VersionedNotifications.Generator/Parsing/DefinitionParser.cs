using System;
using System.Text.RegularExpressions;
using System.Threading;
using VersionedNotifications.Generator.Diagnostics;
using VersionedNotifications.Generator.Model;

namespace VersionedNotifications.Generator.Parsing;

/// <summary>
/// Reads one definitions file into a <see cref="DefinitionFile"/>. Everything a single file can get
/// wrong is reported here, on the YAML line; what needs other files (names, cycles) is left to the
/// checker. Invalid pieces are left out of the model, so what follows never sees them. The file's
/// root keys are read here; objects, fields, history, enums and event types each have their reader.
/// </summary>
internal static class DefinitionParser
{
    private static readonly Regex WireNamespacePattern = new("^[a-z][a-z0-9_]*$", RegexOptions.CultureInvariant);

    private static readonly string[] RootKeys = { "namespace", "csharp_namespace", "description", "enums", "objects", "event_types" };

    /// <summary>Parses one file; never throws for any text.</summary>
    public static Result<DefinitionFile> Parse(string path, string text, CancellationToken cancellationToken = default)
    {
        var context = new ParseContext(path, text, cancellationToken);
        try
        {
            var file = ParseFile(context, text);
            return new Result<DefinitionFile>(file, context.Diagnostics.ToEquatableArray());
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A generator that throws fails the user's whole build with CS8785; a bug here must
            // surface as one diagnostic on the file instead. Tests fail on any VN0999.
            var location = LocationInfo.StartOf(path);
            var diagnostic = DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, location, e.GetType().Name + ": " + e.Message);
            return new Result<DefinitionFile>(Empty(path), new[] { diagnostic }.ToEquatableArray());
        }
    }

    private static DefinitionFile Empty(string path) =>
        new(path, null, null, LocationInfo.StartOf(path), EquatableArray<ObjectDefinition>.Empty, EquatableArray<EnumDefinition>.Empty, EquatableArray<EventDefinition>.Empty, HasErrors: true);

    private static DefinitionFile ParseFile(ParseContext context, string text)
    {
        YamlTreeNode? root;
        try
        {
            root = YamlTreeReader.Read(text);
        }
        catch (YamlTreeReader.YamlReadException e)
        {
            var error = YamlErrorPlace.Find(context, text, e) ?? (context.LocationOf(e.Start, e.End), e.Message);
            context.Report(DiagnosticDescriptors.MalformedYaml, error.Location, error.Reason);
            return Empty(context.Path);
        }

        if (root is null || (root is YamlTreeScalar scalar && scalar.IsNull))
        {
            context.Report(DiagnosticDescriptors.MissingKey, context.FileStart, "A definitions file", "namespace");
            return Empty(context.Path);
        }

        var reader = MappingReader.Create(context, root, "the definitions file", RootKeys);
        if (reader is null)
        {
            return Empty(context.Path);
        }

        var (wireNamespace, namespaceLocation) = ReadWireNamespace(context, reader);
        var csharpNamespace = ReadCSharpNamespace(context, reader);
        reader.OptionalString("description");

        var enums = new EnumReader(context);
        var mappings = new VersionMappingReader(context);
        var objects = new ObjectReader(context, new FieldReader(context, enums, mappings), new HistoryReader(context), mappings);
        var enumDefinitions = enums.ReadAll(reader);
        var objectDefinitions = objects.ReadAll(reader);
        var events = new EventTypeReader(context).ReadAll(reader);
        return new DefinitionFile(context.Path, wireNamespace, csharpNamespace, namespaceLocation, objectDefinitions, enumDefinitions, events, context.HasErrors)
        {
            UnreadNames = context.UnreadNames.ToEquatableArray(),
        };
    }

    private static (string? Namespace, LocationInfo Location) ReadWireNamespace(ParseContext context, MappingReader reader)
    {
        var wireNamespace = reader.RequiredString("namespace", "A definitions file");
        if (!reader.TryGet("namespace", out _, out var node))
        {
            return (wireNamespace, context.FileStart);
        }

        if (wireNamespace is not null && !WireNamespacePattern.IsMatch(wireNamespace))
        {
            context.Report(DiagnosticDescriptors.InvalidValue, node, "namespace", $"'{wireNamespace}' must be lower case letters, digits and underscores, starting with a letter (it prefixes the wire keys, as 'ironic' gives 'ironic_object.name')");
            wireNamespace = null;
        }

        return (wireNamespace, context.LocationOf(node));
    }

    private static string? ReadCSharpNamespace(ParseContext context, MappingReader reader)
    {
        var csharpNamespace = reader.RequiredString("csharp_namespace", "A definitions file");
        if (csharpNamespace is not null && !Naming.IsValidNamespace(csharpNamespace) && reader.TryGet("csharp_namespace", out _, out var node))
        {
            context.Report(DiagnosticDescriptors.InvalidIdentifier, node, "csharp_namespace", csharpNamespace, ": each dotted part must be a C# identifier");
            return null;
        }

        return csharpNamespace;
    }
}
