using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace VersionedNotifications.Tool.Publishing.Profiles;

/// <summary>
/// Reads a services file (YAML: <c>services: { &lt;wire namespace&gt;: { ... } }</c>). Every mistake is
/// a <see cref="UsageException"/> naming the file, the line and the reason; unknown keys are mistakes.
/// </summary>
internal static class ServiceProfileReader
{
    private static readonly string[] ServiceKeys = { "title", "version", "introduction", "configuration", "exchange", "topics", "topics_option", "publishers", "seed" };
    private static readonly string[] PublisherKeys = { "name", "example_id", "description", "events" };
    private static readonly string[] SeedKeys = { "title", "notes" };
    private static readonly string[] NoteKeys = { "at", "text" };

    /// <summary>The profiles in <paramref name="path"/>, by wire namespace.</summary>
    public static IReadOnlyDictionary<string, ServiceProfile> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"the services file '{path}' does not exist");
        }

        var stream = new YamlStream();
        try
        {
            using var reader = new StringReader(File.ReadAllText(path));
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            throw new UsageException($"{path}({e.Start.Line},{e.Start.Column}): {e.Message}");
        }

        var context = new Context(path);
        if (stream.Documents.Count != 1)
        {
            throw new UsageException($"{path}: expected one YAML document");
        }

        var root = context.Mapping(stream.Documents[0].RootNode, "the file");
        context.CheckKeys(root, new[] { "services" });
        var services = context.Mapping(context.Required(root, "services"), "services");
        var profiles = new Dictionary<string, ServiceProfile>(StringComparer.Ordinal);
        foreach (var (key, value) in services.Children)
        {
            var wireNamespace = context.Scalar(key, "a wire namespace");
            profiles.Add(wireNamespace, ReadService(context, wireNamespace, context.Mapping(value, wireNamespace)));
        }

        return profiles;
    }

    private static ServiceProfile ReadService(Context context, string wireNamespace, YamlMappingNode node)
    {
        context.CheckKeys(node, ServiceKeys);
        var defaults = ServiceProfile.Default(wireNamespace);
        var publishers = context.Optional(node, "publishers") is { } publisherNode
            ? context.Sequence(publisherNode, "publishers").Select(p => ReadPublisher(context, context.Mapping(p, "a publisher"))).ToList()
            : new List<PublisherProfile>();
        var seed = context.Optional(node, "seed") is { } seedNode ? ReadSeed(context, context.Mapping(seedNode, "seed")) : null;
        var topics = context.Optional(node, "topics") is { } topicsNode
            ? context.Sequence(topicsNode, "topics").Select(t => context.Scalar(t, "a topic")).ToList()
            : defaults.Topics.ToList();
        if (topics.Count == 0)
        {
            throw context.Error(node, "topics: give at least one topic");
        }

        return new ServiceProfile(
            wireNamespace,
            context.OptionalScalar(node, "title") ?? defaults.Title,
            context.OptionalScalar(node, "version") ?? defaults.Version,
            context.OptionalScalar(node, "introduction"),
            context.OptionalScalar(node, "configuration"),
            context.OptionalScalar(node, "exchange") ?? defaults.Exchange,
            topics,
            context.OptionalScalar(node, "topics_option"),
            publishers,
            seed);
    }

    private static PublisherProfile ReadPublisher(Context context, YamlMappingNode node)
    {
        context.CheckKeys(node, PublisherKeys);
        var events = context.Sequence(context.Required(node, "events"), "events").Select(e => context.Scalar(e, "an event type prefix")).ToList();
        return new PublisherProfile(
            context.Scalar(context.Required(node, "name"), "name"),
            context.Scalar(context.Required(node, "example_id"), "example_id"),
            context.OptionalScalar(node, "description"),
            events);
    }

    private static SeedDocumentation ReadSeed(Context context, YamlMappingNode node)
    {
        context.CheckKeys(node, SeedKeys);
        var notes = context.Optional(node, "notes") is { } notesNode
            ? context.Sequence(notesNode, "notes").Select(n =>
            {
                var note = context.Mapping(n, "a note");
                context.CheckKeys(note, NoteKeys);
                return new SeedNote(context.Scalar(context.Required(note, "at"), "at"), context.Scalar(context.Required(note, "text"), "text"));
            }).ToList()
            : new List<SeedNote>();
        return new SeedDocumentation(context.Scalar(context.Required(node, "title"), "title"), notes);
    }

    /// <summary>The file being read, so that each error names its place.</summary>
    private sealed class Context(string path)
    {
        public UsageException Error(YamlNode node, string message) =>
            new($"{path}({node.Start.Line},{node.Start.Column}): {message}");

        public YamlMappingNode Mapping(YamlNode node, string what) =>
            node as YamlMappingNode ?? throw Error(node, $"{what} must be a mapping");

        public YamlSequenceNode Sequence(YamlNode node, string what) =>
            node as YamlSequenceNode ?? throw Error(node, $"{what} must be a list");

        public string Scalar(YamlNode node, string what) =>
            node is YamlScalarNode { Value: { Length: > 0 } value } ? value : throw Error(node, $"{what} must be a non-empty text");

        public YamlNode Required(YamlMappingNode node, string key) =>
            Optional(node, key) ?? throw Error(node, $"missing key '{key}'");

        public YamlNode? Optional(YamlMappingNode node, string key) =>
            node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

        public string? OptionalScalar(YamlMappingNode node, string key) =>
            Optional(node, key) is { } value ? Scalar(value, key) : null;

        public void CheckKeys(YamlMappingNode node, IReadOnlyCollection<string> allowed)
        {
            foreach (var key in node.Children.Keys)
            {
                var name = Scalar(key, "a key");
                if (!allowed.Contains(name))
                {
                    throw Error(key, $"unknown key '{name}'; expected one of {string.Join(", ", allowed)}");
                }
            }
        }
    }
}
