using System.Text.RegularExpressions;

namespace VersionedNotifications.TestSupport;

/// <summary>Files of the repository the tests run from.</summary>
public static partial class Repository
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The repository root: the folder above the test output that holds Directory.Packages.props.</summary>
    public static string Root => RootPath.Value;

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>A real OpenStack notification under tests/fixtures/openstack.</summary>
    public static string Fixture(string service, string file) => PathOf("tests", "fixtures", "openstack", service, file);

    public static byte[] ReadFixture(string service, string file) => File.ReadAllBytes(Fixture(service, file));

    /// <summary>The complete example at the end of docs/definitions.md (its last <c>```yaml</c> block).</summary>
    public static string DefinitionsReferenceExample()
    {
        var blocks = YamlBlock().Matches(File.ReadAllText(PathOf("docs", "definitions.md")));
        Assert.True(blocks.Count > 0, "docs/definitions.md has no ```yaml block.");
        return blocks[^1].Groups["yaml"].Value;
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

        throw new InvalidOperationException("No Directory.Packages.props above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"```yaml\r?\n(?<yaml>.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlBlock();
}
