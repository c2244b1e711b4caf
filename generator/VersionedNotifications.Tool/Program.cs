using System.CommandLine;
using VersionedNotifications.Tool;
using VersionedNotifications.Tool.Commands;
using VersionedNotifications.Tool.Contracts;

var definitions = DefinitionsOptions.Create();

var services = new Option<string?>("--services")
{
    Description = "A YAML file of how each service sends its notifications (exchange, topics, publishers, configuration); oslo's defaults otherwise.",
};

var eventType = new Option<string?>("--event-type")
{
    Description = "The event type of bare unversioned payloads (glance's), which do not name their object.",
};

var root = new RootCommand("vnotify: versioned notifications from YAML definitions.")
{
    definitions.Definitions,
    definitions.Manifest,
    CheckCommand.Create(definitions),
    ShipCommand.Create(definitions),
    ValidateCommand.Create(eventType, definitions),
    NormalizeCommand.Create(eventType, definitions),
    ListenCommand.Create(definitions),
    SendCommand.Create(definitions),
    SchemaCommand.Create(definitions),
    DocsCommand.Create(definitions, services),
    AsyncApiCommand.Create(definitions, services),
    ImportCommand.Create(definitions),
};

var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    foreach (var error in parsed.Errors)
    {
        Console.Error.WriteLine("vnotify: " + error.Message);
    }

    return 2;
}

try
{
    // Exceptions reach the catch below instead of System.CommandLine's handler (which exits with 1).
    return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (UsageException e)
{
    Console.Error.WriteLine("vnotify: " + e.Message);
    return 2;
}
