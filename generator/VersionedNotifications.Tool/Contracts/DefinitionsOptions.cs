using System.CommandLine;
using VersionedNotifications.Generator.Model;

namespace VersionedNotifications.Tool.Contracts;

/// <summary>The options that say which definitions a command works on, and how the project names its JSON context.</summary>
/// <param name="Definitions">-d/--definitions: the folder of YAML definitions.</param>
/// <param name="Manifest">-m/--manifest: the shipped manifest.</param>
/// <param name="RootNamespace">--root-namespace: the project's RootNamespace.</param>
/// <param name="JsonContext">--json-context: the project's VersionedNotificationsJsonContext.</param>
internal sealed record DefinitionsOptions(Option<string?> Definitions, Option<string?> Manifest, Option<string?> RootNamespace, Option<string?> JsonContext)
{
    /// <summary>The folder the commands that always work on definitions use when none is named.</summary>
    public const string DefaultFolder = "definitions";

    /// <summary>The options; <c>-d</c> and <c>-m</c> apply to every command.</summary>
    public static DefinitionsOptions Create() => new(
        new Option<string?>("--definitions", "-d")
        {
            Description = $"The folder of YAML definitions (searched recursively); by default '{DefaultFolder}', except that validate, normalize, listen and send then use the built-in OpenStack contracts.",
            Recursive = true,
        },
        new Option<string?>("--manifest", "-m")
        {
            Description = "The shipped manifest; by default VersionedNotifications.Shipped.txt in the definitions folder.",
            Recursive = true,
        },
        // The JSON context takes a C# name that no definition may have; a build names it from these properties.
        new Option<string?>("--root-namespace") { Description = "The project's RootNamespace, which names the generated JSON context." },
        new Option<string?>("--json-context") { Description = "The project's VersionedNotificationsJsonContext: the JSON context's full type name." });

    /// <summary>The JSON context's naming, as the command line gives it.</summary>
    public ContextNaming NamingOf(ParseResult result) => new(result.GetValue(RootNamespace), result.GetValue(JsonContext));

    /// <summary>The definitions folder the command line names, or the default one.</summary>
    public string FolderOf(ParseResult result) => result.GetValue(Definitions) ?? DefaultFolder;

    /// <summary>Whether the command line names a definitions folder.</summary>
    public bool NamesDefinitions(ParseResult result) => result.GetValue(Definitions) is not null;
}
