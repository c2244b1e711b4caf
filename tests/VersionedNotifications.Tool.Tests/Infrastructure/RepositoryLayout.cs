namespace VersionedNotifications.Tool.Tests.Infrastructure;

/// <summary>The repository these tests belong to, and the generated documents in it.</summary>
internal static class RepositoryLayout
{
    public static string Root { get; } = FindRoot();

    public static string Definitions => Path.Combine(Root, "definitions");

    public static string Services => Path.Combine(Root, "docs", "notifications", "services.yaml");

    public static string Notifications => Path.Combine(Root, "docs", "notifications");

    public static string Schemas => Path.Combine(Root, "docs", "schemas");

    public static string AsyncApi => Path.Combine(Root, "docs", "asyncapi");

    public static string Fixtures => Path.Combine(Root, "tests", "fixtures", "openstack");

    public static string Tools => Path.Combine(Root, "tests", "tools");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Contracts.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Contracts.sln not found above " + AppContext.BaseDirectory);
    }
}
