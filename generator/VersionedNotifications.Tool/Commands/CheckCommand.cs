using System.CommandLine;
using Microsoft.CodeAnalysis;
using VersionedNotifications.Tool.Contracts;

namespace VersionedNotifications.Tool.Commands;

/// <summary><c>vnotify check</c>: what a build would report about the definitions, without building.</summary>
internal static class CheckCommand
{
    public static Command Create(DefinitionsOptions options)
    {
        var command = new Command("check", "Check the definitions and the microversion rules against the shipped manifest, as a build does.") { options.RootNamespace, options.JsonContext };
        command.SetAction(result =>
        {
            var workspace = Workspace.Load(options.FolderOf(result), result.GetValue(options.Manifest), options.NamingOf(result));
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
