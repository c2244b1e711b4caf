using System.CommandLine;
using Microsoft.CodeAnalysis;
using VersionedNotifications.Tool.Contracts;
using VersionedNotifications.Tool.Publishing.Catalog;
using VersionedNotifications.Tool.Publishing.Output;
using VersionedNotifications.Tool.Publishing.Profiles;

namespace VersionedNotifications.Tool.Publishing;

/// <summary>What the docs, schema and asyncapi commands read: checked definitions, and optionally a services file.</summary>
internal static class PublishingInput
{
    /// <summary>
    /// The catalog of the definitions in <paramref name="definitionsFolder"/>; null (with the errors
    /// printed to standard error) when a build would report an error, in the definitions or against the
    /// shipped manifest, at the severities the project configures: documenting definitions that do not
    /// build would document something no code can send.
    /// </summary>
    public static ContractCatalog? LoadCatalog(string definitionsFolder, string? manifestPath)
    {
        var workspace = Workspace.Load(definitionsFolder, manifestPath);
        var errors = workspace.AllDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            foreach (var (error, severity) in errors)
            {
                Console.Error.WriteLine(Workspace.Format(error, severity));
            }

            Console.Error.WriteLine($"nothing generated: the definitions have {errors.Count} error(s)");
            return null;
        }

        return ContractCatalog.Build(workspace.Files);
    }

    /// <summary>
    /// What docs and asyncapi do: load the definitions and the services file, make the files, write
    /// them to the output folder and say what changed. Exit code 1 when the definitions have errors.
    /// </summary>
    public static int Generate(
        ParseResult result,
        DefinitionsOptions definitions,
        Option<string?> services,
        Option<string> output,
        string extension,
        string what,
        Func<ContractCatalog, IReadOnlyList<ServiceProfile>, IReadOnlyList<GeneratedFile>> make)
    {
        var catalog = LoadCatalog(definitions.FolderOf(result), result.GetValue(definitions.Manifest));
        if (catalog is null)
        {
            return 1;
        }

        var files = make(catalog, LoadProfiles(catalog, result.GetValue(services)));
        var folder = result.GetValue(output)!;
        var (written, deleted) = GeneratedFiles.Write(folder, files, extension);
        Console.WriteLine($"{files.Count} {what} in {folder}: {written} written, {deleted} stale removed");
        return 0;
    }

    /// <summary>The profile of each service: from <paramref name="servicesPath"/> when given, oslo's defaults otherwise.</summary>
    public static IReadOnlyList<ServiceProfile> LoadProfiles(ContractCatalog catalog, string? servicesPath)
    {
        var profiles = servicesPath is null ? new Dictionary<string, ServiceProfile>() : ServiceProfileReader.Read(servicesPath);
        foreach (var unknown in profiles.Keys.Where(k => catalog.Services.All(s => s.WireNamespace != k)))
        {
            throw new UsageException($"{servicesPath}: the service '{unknown}' is not a namespace of the definitions ({string.Join(", ", catalog.Services.Select(s => s.WireNamespace))})");
        }

        return catalog.Services.Select(s => profiles.GetValueOrDefault(s.WireNamespace) ?? ServiceProfile.Default(s.WireNamespace)).ToList();
    }
}
