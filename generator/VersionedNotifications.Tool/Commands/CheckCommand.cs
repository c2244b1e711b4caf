using System.CommandLine;
using Microsoft.CodeAnalysis;
using VersionedNotifications.Generator.Model;

namespace VersionedNotifications.Tool.Commands;

/// <summary><c>vnotify check</c>: what a build would report about the definitions, without building.</summary>
internal static class CheckCommand
{
    public static Command Create(Option<string> definitions, Option<string?> manifest)
    {
        // The JSON context takes a C# name that no definition may have; a build names it from these properties.
        var rootNamespace = new Option<string?>("--root-namespace") { Description = "The project's RootNamespace, which names the generated JSON context." };
        var jsonContext = new Option<string?>("--json-context") { Description = "The project's VersionedNotificationsJsonContext: the JSON context's full type name." };
        var command = new Command("check", "Check the definitions and the microversion rules against the shipped manifest, as a build does.") { rootNamespace, jsonContext };
        command.SetAction(result =>
        {
            var naming = new ContextNaming(result.GetValue(rootNamespace), result.GetValue(jsonContext));
            var workspace = Workspace.Load(result.GetValue(definitions)!, result.GetValue(manifest), naming);
            var diagnostics = workspace.AllDiagnostics();
            foreach (var (diagnostic, severity) in diagnostics)
            {
                Console.WriteLine(Workspace.Format(diagnostic, severity));
            }

            var errors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
            Console.WriteLine(errors == 0 ? $"{workspace.Files.Count} definitions files: no errors" : $"{errors} error(s)");
            return errors == 0 ? 0 : 1;
        });
        return command;
    }
}
