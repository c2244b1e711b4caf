namespace VersionedNotifications.Generator;

/// <summary>The names of the generator's pipeline steps, so that tests can assert how each was cached.</summary>
internal static class TrackingNames
{
    /// <summary>One definitions file parsed into its model (per file).</summary>
    public const string Parse = nameof(Parse);

    /// <summary>All files checked together and bound into what to emit.</summary>
    public const string Check = nameof(Check);

    /// <summary>Whether the compilation can use generated code: runtime referenced, C# version.</summary>
    public const string Environment = nameof(Environment);

    /// <summary>What to emit once the environment allows it; no locations.</summary>
    public const string Spec = nameof(Spec);

    /// <summary>One object record to emit.</summary>
    public const string Objects = nameof(Objects);

    /// <summary>One enum to emit.</summary>
    public const string Enums = nameof(Enums);

    /// <summary>One EventTypes class to emit.</summary>
    public const string EventTypes = nameof(EventTypes);

    /// <summary>The build properties that name the JSON context.</summary>
    public const string ContextNaming = nameof(ContextNaming);

    /// <summary>The JSON context to emit: its name and every object in it.</summary>
    public const string JsonContext = nameof(JsonContext);

    /// <summary>The severities the project configures for our diagnostics in each definitions file.</summary>
    public const string Severities = nameof(Severities);
}
