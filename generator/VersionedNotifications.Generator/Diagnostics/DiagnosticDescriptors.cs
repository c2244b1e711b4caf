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
        "VN0005", "Unknown type", "Unknown type '{0}' for field '{1}': expected a built-in type ({2}) or an object or enum defined in namespace '{3}'");

    public static readonly DiagnosticDescriptor DuplicateName = Error(
        "VN0006", "Duplicate name", "{0} '{1}' is defined more than once{2}");

    public static readonly DiagnosticDescriptor SinceAfterVersion = Error(
        "VN0007", "Field added after the current version", "Field '{0}' has since '{1}', later than the version '{2}' of {3}");

    public static readonly DiagnosticDescriptor UnknownBaseObject = Error(
        "VN0008", "Unknown base object", "Object '{0}' extends '{1}', which is not an object in namespace '{2}'");

    public static readonly DiagnosticDescriptor UnknownPayloadObject = Error(
        "VN0009", "Unknown payload object", "Event type '{0}' has payload '{1}', which is not an object in namespace '{2}' (or 'text')");

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
        helpLinkUri: HelpLinkBase + "vn0999");

    private static DiagnosticDescriptor Error(string id, string title, string messageFormat) =>
        new(id, title, messageFormat, DefinitionsCategory, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + id.ToLowerInvariant());
}
