namespace VersionedNotifications.Tool.Tests.Infrastructure;

/// <summary>The docs, schemas and AsyncAPI documents generated afresh from the definitions, once for all tests that compare with them.</summary>
public sealed class FreshDocuments : IDisposable
{
    private readonly TemporaryFolder _folder = new("fresh-docs");

    public FreshDocuments()
    {
        Notifications = Generate("docs", "notifications", "--services", RepositoryLayout.Services);
        Schemas = Generate("schema", "schemas");
        AsyncApi = Generate("asyncapi", "asyncapi", "--services", RepositoryLayout.Services);
    }

    public string Notifications { get; }

    public string Schemas { get; }

    public string AsyncApi { get; }

    /// <summary>Runs one generating command into a new folder under <paramref name="name"/> and returns the folder.</summary>
    public string Generate(string command, string name, params string[] options)
    {
        var output = Path.Combine(_folder.Path, name);
        var outcome = Vnotify.Run([command, "--definitions", RepositoryLayout.Definitions, "--out", output, .. options]);
        Assert.True(outcome.ExitCode == 0, $"vnotify {command} failed:\n{outcome}");
        return output;
    }

    public void Dispose() => _folder.Dispose();
}

[CollectionDefinition(nameof(FreshDocumentsCollection))]
public sealed class FreshDocumentsCollection : ICollectionFixture<FreshDocuments>;
