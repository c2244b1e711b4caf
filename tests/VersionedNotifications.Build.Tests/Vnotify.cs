namespace VersionedNotifications.Build.Tests;

/// <summary>The vnotify built with these tests (same configuration), run through the dotnet host.</summary>
internal static class Vnotify
{
    private static string Configuration => new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;

    public static string Path => System.IO.Path.Combine(RepositoryLayout.Root, "generator", "VersionedNotifications.Tool", "bin", Configuration, "net10.0", "vnotify.dll");

    public static DotnetCli.Outcome Run(string workingDirectory, params string[] arguments) =>
        DotnetCli.Run(workingDirectory, [Path, .. arguments]);
}
