using System.Text.Json;

namespace VersionedNotifications.Tests.Infrastructure;

/// <summary>The conformance fixtures made by the real ironic, glance and nova code (tests/fixtures/openstack).</summary>
internal static class Fixtures
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>Every fixture file, as (service, file name) pairs, ordered.</summary>
    public static IEnumerable<object[]> All() =>
        new[] { "ironic", "glance", "nova" }.SelectMany(service =>
            Directory.GetFiles(PathOf("tests", "fixtures", "openstack", service), "*.json")
                .Order(StringComparer.Ordinal)
                .Select(path => new object[] { service, Path.GetFileName(path) }));

    public static byte[] Read(string service, string file) => File.ReadAllBytes(PathOf("tests", "fixtures", "openstack", service, file));

    /// <summary>A fixture as compact JSON bytes, as a producer would send them.</summary>
    public static byte[] Compact(string service, string file)
    {
        using var document = JsonDocument.Parse(Read(service, file));
        return JsonSerializer.SerializeToUtf8Bytes(document.RootElement);
    }

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
