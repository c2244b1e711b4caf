using System.CommandLine;
using VersionedNotifications.Tool.Contracts;
using VersionedNotifications.Tool.Publishing;
using VersionedNotifications.Tool.Publishing.Output;
using VersionedNotifications.Tool.Publishing.Schemas;

namespace VersionedNotifications.Tool.Commands;

/// <summary>
/// <c>vnotify schema</c>: JSON Schema (draft 2020-12) for every object version, every event type and
/// the envelope forms, written to a folder.
/// </summary>
internal static class SchemaCommand
{
    public static Command Create(DefinitionsOptions definitions)
    {
        var output = new Option<string>("--out", "-o") { Description = "The folder to write the schemas to.", DefaultValueFactory = _ => Path.Combine("docs", "schemas") };
        var baseUri = new Option<string>("--base-uri")
        {
            Description = "The URI the $ids start with; the path in the folder follows it.",
            DefaultValueFactory = _ => SchemaLayout.DefaultBaseUri,
        };
        var command = new Command("schema", "Write JSON Schemas of every object version, event type and envelope form.") { output, baseUri };
        command.SetAction(result =>
        {
            var uri = result.GetValue(baseUri)!;
            if (!Uri.TryCreate(uri, UriKind.Absolute, out _))
            {
                throw new UsageException($"--base-uri '{uri}' is not an absolute URI");
            }

            var catalog = PublishingInput.LoadCatalog(definitions.FolderOf(result), result.GetValue(definitions.Manifest));
            if (catalog is null)
            {
                return 1;
            }

            var files = new SchemaSetBuilder(catalog, new SchemaLayout(uri)).Build();
            var folder = result.GetValue(output)!;
            var (written, deleted) = GeneratedFiles.Write(folder, files, ".json");
            Console.WriteLine($"{files.Count} schema files in {folder}: {written} written, {deleted} stale removed");
            return 0;
        });
        return command;
    }
}
