namespace VersionedNotifications.Tool.Tests.Infrastructure;

/// <summary>The vnotify built with these tests (same configuration), run through the dotnet host.</summary>
internal static class Vnotify
{
    private static string Configuration => new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;

    public static string Path => System.IO.Path.Combine(RepositoryLayout.Root, "generator", "VersionedNotifications.Tool", "bin", Configuration, "net10.0", "vnotify.dll");

    public static Processes.Outcome Run(params string[] arguments) => Processes.Run("dotnet", [Path, .. arguments]);

    /// <summary>The commands that regenerate the committed documents, as a person types them at the repository root.</summary>
    public const string RegenerateCommands =
        "dotnet run --project generator/VersionedNotifications.Tool -- docs --services docs/notifications/services.yaml && " +
        "dotnet run --project generator/VersionedNotifications.Tool -- schema && " +
        "dotnet run --project generator/VersionedNotifications.Tool -- asyncapi --services docs/notifications/services.yaml";
}
