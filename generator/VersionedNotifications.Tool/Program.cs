using System.CommandLine;
using VersionedNotifications.Tool;
using VersionedNotifications.Tool.Commands;

var definitions = new Option<string>("--definitions", "-d")
{
    Description = "The folder of YAML definitions (searched recursively).",
    DefaultValueFactory = _ => "definitions",
    Recursive = true,
};
var manifest = new Option<string?>("--manifest", "-m")
{
    Description = "The shipped manifest; by default VersionedNotifications.Shipped.txt in the definitions folder.",
    Recursive = true,
};

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
    definitions,
    manifest,
    CheckCommand.Create(definitions, manifest),
    ShipCommand.Create(definitions, manifest),
    ValidateCommand.Create(eventType),
    NormalizeCommand.Create(eventType),
    ListenCommand.Create(),
    SendCommand.Create(),
    SchemaCommand.Create(definitions, manifest),
    DocsCommand.Create(definitions, manifest, services),
    AsyncApiCommand.Create(definitions, manifest, services),
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
