using System.CommandLine;
using VersionedNotifications.Tool.Contracts;
using VersionedNotifications.Tool.Publishing;
using VersionedNotifications.Tool.Publishing.Markdown;
using VersionedNotifications.Tool.Publishing.Output;

namespace VersionedNotifications.Tool.Commands;

/// <summary>
/// <c>vnotify docs</c>: the notification reference in Markdown, one page per service and an index,
/// structured like the services' own notification documentation.
/// </summary>
internal static class DocsCommand
{
    public static Command Create(DefinitionsOptions definitions, Option<string?> services)
    {
        var output = new Option<string>("--out", "-o") { Description = "The folder to write the pages to.", DefaultValueFactory = _ => Path.Combine("docs", "notifications") };
        var schemas = new Option<string>("--schemas-link") { Description = "The schemas folder, as the pages link to it.", DefaultValueFactory = _ => "../schemas" };
        var asyncApi = new Option<string>("--asyncapi-link") { Description = "The AsyncAPI folder, as the pages link to it.", DefaultValueFactory = _ => "../asyncapi" };
        var command = new Command("docs", "Write the notification reference in Markdown: one page per service, and an index.") { output, services, schemas, asyncApi };
        command.SetAction(result =>
        {
            var links = new DocsLinks(result.GetValue(schemas)!, result.GetValue(asyncApi)!);
            return PublishingInput.Generate(result, definitions, services, output, ".md", "pages", (catalog, profiles) =>
                catalog.Services.Zip(profiles)
                    .Select(x => new GeneratedFile(ServicePage.FileName(x.First), new ServicePage(x.First, x.Second, links).Write()))
                    .Append(new GeneratedFile(IndexPage.FileName, IndexPage.Write(catalog, profiles, links)))
                    .ToList());
        });
        return command;
    }
}
