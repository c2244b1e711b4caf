namespace VersionedNotifications.Tool.Publishing.Markdown;

/// <summary>Where the pages link to the other generated documents, relative to the docs folder.</summary>
/// <param name="Schemas">The schemas folder (<c>../schemas</c>).</param>
/// <param name="AsyncApi">The AsyncAPI folder (<c>../asyncapi</c>).</param>
internal sealed record DocsLinks(string Schemas, string AsyncApi)
{
    public string Schema(string path) => Schemas.TrimEnd('/') + "/" + path;

    public string AsyncApiDocument(string wireNamespace) => AsyncApi.TrimEnd('/') + "/" + wireNamespace + ".yaml";
}
