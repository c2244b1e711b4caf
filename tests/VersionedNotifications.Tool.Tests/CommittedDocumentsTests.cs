using VersionedNotifications.Tool.Tests.Infrastructure;

namespace VersionedNotifications.Tool.Tests;

/// <summary>
/// The docs, schemas and AsyncAPI documents under docs/ are what the definitions generate today: a
/// definition changed without regenerating fails here, with the commands that regenerate.
/// </summary>
[Collection(nameof(FreshDocumentsCollection))]
public sealed class CommittedDocumentsTests(FreshDocuments fresh)
{
    [Theory]
    [InlineData("notifications")]
    [InlineData("schemas")]
    [InlineData("asyncapi")]
    public void Committed_documents_equal_a_fresh_regeneration(string folder)
    {
        var generated = folder switch
        {
            "notifications" => fresh.Notifications,
            "schemas" => fresh.Schemas,
            _ => fresh.AsyncApi,
        };
        var committed = Path.Combine(RepositoryLayout.Root, "docs", folder);

        var differences = FolderComparison.Differences(generated, committed);

        Assert.True(
            differences.Count == 0,
            $"docs/{folder} is not what the definitions generate ({differences.Count} file(s)):\n{string.Join('\n', differences.Take(20))}\n" +
            $"Regenerate from the repository root with:\n{Vnotify.RegenerateCommands}");
    }

    [Fact]
    public void The_committed_documents_are_not_empty()
    {
        Assert.Equal(4, FolderComparison.GeneratedFiles(RepositoryLayout.Notifications).Count);
        Assert.Equal(3, FolderComparison.GeneratedFiles(RepositoryLayout.AsyncApi).Count);
        Assert.True(FolderComparison.GeneratedFiles(RepositoryLayout.Schemas).Count > 200);
    }

    [Fact]
    public void Generating_twice_gives_the_same_bytes()
    {
        var again = fresh.Generate("schema", "schemas-again");
        var pagesAgain = fresh.Generate("docs", "notifications-again", "--services", RepositoryLayout.Services);
        var asyncApiAgain = fresh.Generate("asyncapi", "asyncapi-again", "--services", RepositoryLayout.Services);

        Assert.Empty(FolderComparison.Differences(fresh.Schemas, again));
        Assert.Empty(FolderComparison.Differences(fresh.Notifications, pagesAgain));
        Assert.Empty(FolderComparison.Differences(fresh.AsyncApi, asyncApiAgain));
    }

    [Fact]
    public void A_definition_changed_without_regenerating_is_a_difference()
    {
        using var copy = new TemporaryFolder("changed-definitions");
        CopyFolder(RepositoryLayout.Definitions, copy.Path);
        var node = Path.Combine(copy.Path, "ironic", "node.yaml");
        var yaml = File.ReadAllText(node);
        Assert.Contains("description: The node's UUID.", yaml, StringComparison.Ordinal);
        File.WriteAllText(node, yaml.Replace("description: The node's UUID.", "description: The node's identifier.", StringComparison.Ordinal));
        var pages = Path.Combine(copy.Path, "out", "notifications");
        var schemas = Path.Combine(copy.Path, "out", "schemas");

        Assert.Equal(0, Vnotify.Run("docs", "--definitions", copy.Path, "--out", pages, "--services", RepositoryLayout.Services).ExitCode);
        Assert.Equal(0, Vnotify.Run("schema", "--definitions", copy.Path, "--out", schemas).ExitCode);

        Assert.Contains(FolderComparison.Differences(pages, RepositoryLayout.Notifications), d => d.StartsWith("differs: ironic.md", StringComparison.Ordinal));
        Assert.Contains(FolderComparison.Differences(schemas, RepositoryLayout.Schemas), d => d.StartsWith("differs: ironic/NodePayload/1.16.json", StringComparison.Ordinal));
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
