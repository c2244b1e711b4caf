using Microsoft.CodeAnalysis;

namespace VersionedNotifications.Generator.Diagnostics;

/// <summary>
/// Every diagnostic the generator reports. IDs are stable once shipped; each has an entry in
/// AnalyzerReleases.*.md and a section in docs/diagnostics.md that its help link points to.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string DefinitionsCategory = "VersionedNotifications.Definitions";
    private const string UsageCategory = "VersionedNotifications.Usage";
    private const string CompatibilityCategory = "VersionedNotifications.Compatibility";
    private const string HelpLinkBase = "https://github.com/VersionedNotifications/VersionedNotifications/blob/main/docs/diagnostics.md#";

    public static readonly DiagnosticDescriptor MalformedYaml = Error(
        "VN0001", "Malformed YAML", "The definitions file cannot be read as YAML: {0}");

    public static readonly DiagnosticDescriptor UnknownKey = Error(
        "VN0002", "Unknown key", "Unknown key '{0}' in {1}{2}");

    public static readonly DiagnosticDescriptor MissingKey = Error(
        "VN0003", "Missing required key", "{0} needs the key '{1}'");

    public static readonly DiagnosticDescriptor InvalidValue = Error(
        "VN0004", "Invalid value", "Invalid value for '{0}': {1}");

    public static readonly DiagnosticDescriptor UnknownType = Error(
        "VN0005", "Unknown type", "Unknown type '{0}' for field '{1}': expected a built-in type ({2}) or an object or enum defined in namespace '{3}'{4}");

    public static readonly DiagnosticDescriptor DuplicateName = Error(
        "VN0006", "Duplicate name", "{0} '{1}' is defined more than once{2}");

    public static readonly DiagnosticDescriptor SinceAfterVersion = Error(
        "VN0007", "Field added after the current version", "Field '{0}' has since '{1}', later than the version '{2}' of {3}");

    public static readonly DiagnosticDescriptor UnknownBaseObject = Error(
        "VN0008", "Unknown base object", "Object '{0}' extends '{1}', which is not an object in namespace '{2}'{3}");

    public static readonly DiagnosticDescriptor UnknownPayloadObject = Error(
        "VN0009", "Unknown payload object", "Event type '{0}' has payload '{1}', which is not an object in namespace '{2}' (or 'text'){3}");

    public static readonly DiagnosticDescriptor Cycle = Error(
        "VN0010", "Cycle between objects", "{0}: {1}");

    public static readonly DiagnosticDescriptor InvalidEventType = Error(
        "VN0011", "Invalid event type", "Invalid event type '{0}': {1}");

    public static readonly DiagnosticDescriptor InvalidIdentifier = Error(
        "VN0012", "Invalid C# identifier", "'{0}' gives the C# name '{1}', which is not a valid identifier{2}");

    public static readonly DiagnosticDescriptor InvalidDefault = Error(
        "VN0013", "Invalid default", "The default {0} of field '{1}' does not fit its type {2}");

    public static readonly DiagnosticDescriptor UnknownHistoryField = Error(
        "VN0014", "History exception names an unknown field", "Exception '{0}' at version {1} names field '{2}', which {3} has never had");

    public static readonly DiagnosticDescriptor NameConflict = Error(
        "VN0015", "Generated names conflict", "{0}");

    public static readonly DiagnosticDescriptor LimitExceeded = Error(
        "VN0016", "Beyond what the generator accepts", "{0}");

    public static readonly DiagnosticDescriptor VersionNotShipped = Compatibility(
        "VN0200", DiagnosticSeverity.Info, "Version not shipped yet",
        "{0} {1} is not in the shipped manifest yet; run 'vnotify ship' when it is released");

    public static readonly DiagnosticDescriptor ChangedWithoutBump = Compatibility(
        "VN0201", DiagnosticSeverity.Error, "Fields changed without a version bump",
        "{0} {1} has shipped, and its fields changed since: {2}; bump the version (a minor version when fields were only added, a major version otherwise)");

    public static readonly DiagnosticDescriptor BreakingMinorChange = Compatibility(
        "VN0202", DiagnosticSeverity.Error, "Breaking change under a minor version",
        "{0} {1} {2} compared with {0} {3}, which breaks its consumers under a minor version; bump the major version, or, if the change is deliberate, record a named exception (kind {4}) in the history of {1}");

    public static readonly DiagnosticDescriptor MajorBumpForAdditiveChange = Compatibility(
        "VN0203", DiagnosticSeverity.Warning, "Major version for an additive change",
        "{0} {1} is a new major version, but it only adds fields to {0} {2}; a minor version would keep the consumers of {2} working");

    public static readonly DiagnosticDescriptor ShippedVersionRewritten = Compatibility(
        "VN0204", DiagnosticSeverity.Error, "Shipped version rewritten",
        "{0} {1} has shipped with other fields than the definitions now give it ({2}); a shipped version cannot change: restore it, or record the change as an exception in the version that made it");

    public static readonly DiagnosticDescriptor SinceNotInHistory = Compatibility(
        "VN0205", DiagnosticSeverity.Error, "'since' inconsistent with the history",
        "Field '{0}' of {1} has since {2}, {3}");

    public static readonly DiagnosticDescriptor VersionOutOfSequence = Compatibility(
        "VN0206", DiagnosticSeverity.Error, "Version goes backwards or skips",
        "{0}");

    public static readonly DiagnosticDescriptor ContainerNotBumped = Compatibility(
        "VN0207", DiagnosticSeverity.Error, "Contained or base object bumped alone",
        "{0} is now {1}, but {2} {3} carries {0} {4} ({5}); bump {2} and map its new version to {0} {1}, so that its consumers learn of the change");

    public static readonly DiagnosticDescriptor RemovedNameReused = Compatibility(
        "VN0208", DiagnosticSeverity.Error, "Removed field's name reused",
        "Field '{0}' of {1} was {2} in {1} {3}; the name of a removed field stays reserved, so give the new field another name");

    public static readonly DiagnosticDescriptor EventTypeRemoved = Compatibility(
        "VN0209", DiagnosticSeverity.Error, "Event type removed",
        "Event type '{0}' has shipped but is no longer defined; consumers subscribed to it would never hear of it again");

    public static readonly DiagnosticDescriptor EventPayloadChanged = Compatibility(
        "VN0210", DiagnosticSeverity.Error, "Event payload changed",
        "Event type '{0}' shipped with payload {1} and now has {2}, which is not {1} nor derived from it");

    public static readonly DiagnosticDescriptor EventPriorityChanged = Compatibility(
        "VN0211", DiagnosticSeverity.Error, "Event priority changed",
        "Event type '{0}' shipped with priority {1} and now has {2}; consumers filter by priority");

    public static readonly DiagnosticDescriptor MalformedManifest = Compatibility(
        "VN0212", DiagnosticSeverity.Error, "Malformed shipped manifest",
        "This line of the shipped manifest cannot be read: {0}; regenerate the manifest with 'vnotify ship'");

    public static readonly DiagnosticDescriptor EnumValueRemoved = Compatibility(
        "VN0213", DiagnosticSeverity.Error, "Enum value removed",
        "Enum {0} no longer has the shipped value '{1}'; consumers that match on it break");

    public static readonly DiagnosticDescriptor RuntimeNotReferenced = new(
        "VN0100",
        "The VersionedNotifications runtime is not referenced",
        "The project has notification definitions but does not reference the VersionedNotifications package that generated code needs; add a PackageReference to VersionedNotifications",
        UsageCategory,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "vn0100");

    public static readonly DiagnosticDescriptor LanguageVersionTooLow = new(
        "VN0101",
        "C# 11 or later is needed",
        "Generated notification types need C# 11 or later (required members); this project compiles with C# {0}. Set <LangVersion> to 11 or later, or target net7.0 or later.",
        UsageCategory,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "vn0101");

    public static readonly DiagnosticDescriptor InternalError = new(
        "VN0999",
        "Internal generator error",
        "The notification generator failed on this input; please report it with the file: {0}",
        UsageCategory,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "vn0999",
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    private static DiagnosticDescriptor Compatibility(string id, DiagnosticSeverity severity, string title, string messageFormat) =>
        new(id, title, messageFormat, CompatibilityCategory, severity, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + id.ToLowerInvariant(), customTags: WellKnownDiagnosticTags.CompilationEnd);

    private static DiagnosticDescriptor Error(string id, string title, string messageFormat) =>
        new(id, title, messageFormat, DefinitionsCategory, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + id.ToLowerInvariant());
}
