using System.CommandLine;
using VersionedNotifications.Tool.Contracts;
using VersionedNotifications.Generator.Parsing;
using VersionedNotifications.Tool.Import;

namespace VersionedNotifications.Tool.Commands;

/// <summary>
/// <c>vnotify import</c>: definitions from a Python service's oslo.versionedobjects notification classes, read by the
/// user's own Python; with <c>--check</c>, the differences between existing definitions and those classes.
/// </summary>
internal static class ImportCommand
{
    public static Command Create(DefinitionsOptions definitions)
    {
        var modules = new Argument<string[]>("MODULE")
        {
            Description = "Python modules or packages that define the notification and payload classes (nova.notifications.objects; ironic.objects).",
            Arity = ArgumentArity.OneOrMore,
        };
        var python = new Option<string>("--python")
        {
            Description = "The Python interpreter that can import the service (its virtualenv's python, say).",
            DefaultValueFactory = _ => "python3",
        };
        var csharpNamespace = new Option<string?>("--csharp-namespace")
        {
            Description = "The C# namespace of the generated types (csharp_namespace); needed to write definitions.",
        };
        var check = new Option<bool>("--check")
        {
            Description = "Write nothing: compare the definitions folder with the Python classes and list every difference (exit code 1 when there is one).",
        };
        var overwrite = new Option<bool>("--overwrite")
        {
            Description = "Replace definitions files that are already there.",
        };
        var command = new Command("import", "Write definitions from a Python service's oslo.versionedobjects notification classes, or check existing ones against them.")
        {
            modules, python, csharpNamespace, check, overwrite,
        };
        command.SetAction(result =>
        {
            if (result.GetValue(definitions.Manifest) is not null)
            {
                throw new UsageException("import reads no shipped manifest: -m has no meaning here (vnotify check compares definitions with one)");
            }

            var folder = definitions.FolderOf(result);
            var writing = !result.GetValue(check);
            var name = result.GetValue(csharpNamespace);
            if (writing && name is null)
            {
                throw new UsageException("--csharp-namespace is needed to write definitions (the C# namespace of the generated types)");
            }

            if (name is not null && !Naming.IsValidNamespace(name))
            {
                throw new UsageException($"--csharp-namespace: '{name}' is not a C# namespace (dotted C# identifiers, no keywords)");
            }

            var service = ServiceImporter.Build(PythonIntrospector.Run(result.GetValue(python)!, result.GetValue(modules)!));
            return writing ? Write(folder, service, name!, result.GetValue(overwrite)) : Check(folder, service);
        });
        return command;
    }

    private static int Check(string folder, ImportedService python)
    {
        var workspace = Workspace.Load(folder, manifestPath: null);
        if (workspace.DefinitionDiagnostics.Any(d => d.Descriptor.DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error))
        {
            Console.WriteLine("note: the definitions have errors (vnotify check lists them); what they fail to declare shows as differences");
        }

        var drifts = DriftCheck.Compare(workspace.Files, python);
        foreach (var drift in drifts)
        {
            Console.WriteLine(drift);
        }

        Console.WriteLine(drifts.Count == 0
            ? $"no differences between {folder} and the {python.WireNamespace} classes"
            : $"{drifts.Count} difference(s) between {folder} and the {python.WireNamespace} classes");
        return drifts.Count == 0 ? 0 : 1;
    }

    private static int Write(string folder, ImportedService service, string csharpNamespace, bool overwrite)
    {
        Directory.CreateDirectory(folder);
        var texts = service.Files.ToDictionary(f => Path.Combine(folder, f.FileName), f => DefinitionsYamlWriter.Write(service, f, csharpNamespace));
        var existing = texts.Keys.Where(File.Exists).ToList();
        if (existing.Count > 0 && !overwrite)
        {
            throw new UsageException($"{string.Join(", ", existing)} already exist; import into another folder, or pass --overwrite");
        }

        var todos = 0;
        foreach (var (path, text) in texts)
        {
            File.WriteAllText(path, text);
            var count = text.Split('\n').Count(line => line.Contains("# TODO:", StringComparison.Ordinal));
            todos += count;
            var file = service.Files.First(f => Path.Combine(folder, f.FileName) == path);
            Console.WriteLine($"wrote {path}: {file.Objects.Count} object(s), {file.EventTypes.Count} event type(s), {count} TODO(s)");
        }

        if (service.Findings.Count > 0)
        {
            Console.WriteLine();
            Console.WriteLine("What the code does not say (decide and add by hand):");
            foreach (var finding in service.Findings)
            {
                Console.WriteLine("- " + finding);
            }
        }

        Console.WriteLine();
        Console.WriteLine(todos == 0
            ? "no TODOs: build with these definitions, and review them (descriptions are not imported)"
            : $"{todos} TODO(s): the build fails on each until a person decides (vnotify check lists them)");
        return 0;
    }
}
