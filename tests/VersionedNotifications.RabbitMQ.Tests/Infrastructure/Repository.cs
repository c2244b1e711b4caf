namespace VersionedNotifications.RabbitMQ.Tests.Infrastructure;

/// <summary>Paths in the repository these tests run from.</summary>
internal static class Repository
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    public static string Fixture(string service, string file) => PathOf("tests", "fixtures", "openstack", service, file);

    public static byte[] ReadFixture(string service, string file) => File.ReadAllBytes(Fixture(service, file));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Directory.Packages.props")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with Directory.Packages.props) is not above " + AppContext.BaseDirectory);
    }
}
