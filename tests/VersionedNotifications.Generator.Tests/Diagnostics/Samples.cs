namespace VersionedNotifications.Generator.Tests.Diagnostics;

/// <summary>Definitions shared by the diagnostic tests.</summary>
internal static class Samples
{
    /// <summary>The hint names <see cref="Valid"/> generates.</summary>
    public static readonly string[] ValidHintNames = ["Valid.EventTypes.g.cs", "Valid.Thing.g.cs", "Valid.ThingJsonConverter.g.cs"];

    /// <summary>The JSON context when the valid sample is the only definitions file; it lives in the namespace of the first object.</summary>
    public const string ValidContextHintName = "Valid.NotificationsJsonContext.g.cs";

    /// <summary>A correct file in its own namespace: a mistake in another file must not take it away.</summary>
    public static Definition Valid(string path = "/defs/valid.yaml") => Definition.Of(path, """
        namespace: valid
        csharp_namespace: Valid
        objects:
          Thing:
            version: "1.0"
            fields:
              id: uuid
        event_types:
          valid.thing.create:
            payload: Thing
        """);
}
