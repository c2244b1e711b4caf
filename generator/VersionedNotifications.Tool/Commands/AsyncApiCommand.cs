using System.CommandLine;
using VersionedNotifications.Tool.Contracts;
using VersionedNotifications.Tool.Publishing;
using VersionedNotifications.Tool.Publishing.AsyncApi;
using VersionedNotifications.Tool.Publishing.Output;

namespace VersionedNotifications.Tool.Commands;

/// <summary><c>vnotify asyncapi</c>: one AsyncAPI 3.0 document per service, with AMQP bindings.</summary>
internal static class AsyncApiCommand
{
    public static Command Create(DefinitionsOptions definitions, Option<string?> services)
    {
        var output = new Option<string>("--out", "-o") { Description = "The folder to write the documents to.", DefaultValueFactory = _ => Path.Combine("docs", "asyncapi") };
        var command = new Command("asyncapi", "Write an AsyncAPI 3.0 document per service: channels per topic and priority, operations, a message per event type.") { output, services };
        command.SetAction(result => PublishingInput.Generate(result, definitions, services, output, ".yaml", "AsyncAPI documents", (catalog, profiles) =>
            catalog.Services.Zip(profiles)
                .Select(x => new GeneratedFile(AsyncApiDocument.FileName(x.First), new AsyncApiDocument(x.First, x.Second).Write()))
                .ToList()));
        return command;
    }
}
