using System.CommandLine;
using Microsoft.CodeAnalysis;
using VersionedNotifications.Generator.Compatibility;
using VersionedNotifications.Tool.Contracts;

namespace VersionedNotifications.Tool.Commands;

/// <summary>
/// <c>vnotify ship</c>: records the versions the definitions hold as shipped, so that the build
/// holds them to the microversion rules from now on. Shipped versions already in the manifest are
/// never rewritten; it refuses while a build would report an error, unless forced.
/// </summary>
internal static class ShipCommand
{
    public static Command Create(DefinitionsOptions definitions)
    {
        var force = new Option<bool>("--force") { Description = "Ship even though the definitions have errors." };
        var command = new Command("ship", "Mark every version and event type the definitions hold as shipped, in the manifest.") { force };
        command.SetAction(result =>
        {
            var workspace = Workspace.Load(definitions.FolderOf(result), result.GetValue(definitions.Manifest));
            var errors = workspace.AllDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Diagnostic).ToList();
            if (errors.Count > 0 && !result.GetValue(force))
            {
                foreach (var error in errors)
                {
                    Console.Error.WriteLine(Workspace.Format(error));
                }

                Console.Error.WriteLine($"not shipped: {errors.Count} error(s); fix them, or ship anyway with --force");
                return 1;
            }

            var before = workspace.Manifest;
            var shipped = ManifestBuilder.Ship(before, workspace.Files, workspace.ManifestPath);
            File.WriteAllText(workspace.ManifestPath, shipped.Write());
            var added = shipped.Objects.Sum(o => o.Value.Keys.Count(v => before?.Find(o.Key, v) is null));
            var addedEvents = shipped.Events.Keys.Count(name => before is null || !before.Events.ContainsKey(name));
            Console.WriteLine(added == 0 && addedEvents == 0
                ? $"nothing new to ship: {workspace.ManifestPath} already holds every object version and event type"
                : $"shipped {added} new object version(s) and {addedEvents} new event type(s) to {workspace.ManifestPath}");
            return 0;
        });
        return command;
    }
}
