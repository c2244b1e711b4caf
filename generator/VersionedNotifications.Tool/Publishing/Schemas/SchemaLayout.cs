using System.Globalization;
using VersionedNotifications.Generator.Model;
using VersionedNotifications.Tool.Publishing.Catalog;

namespace VersionedNotifications.Tool.Publishing.Schemas;

/// <summary>
/// Where each schema lives in the schemas folder, and its <c>$id</c>: the base URI followed by that
/// path, so that an id names the same thing in every build and relative <c>$ref</c>s resolve both
/// against ids and against the folder.
/// </summary>
internal sealed class SchemaLayout(string baseUri)
{
    /// <summary>The default base: a reserved host (RFC 2606), so the ids read as names, not as addresses to fetch.</summary>
    public const string DefaultBaseUri = "https://versionednotifications.invalid/schemas/";

    public const string Envelope = "notification.json";
    public const string MessagingV2 = "messaging-v2.json";
    public const string Index = "README.md";

    public string BaseUri { get; } = baseUri.EndsWith('/') ? baseUri : baseUri + "/";

    public string IdOf(string path) => BaseUri + path;

    /// <summary>Any notification of one service, checked against its event type's schema when the event type is known.</summary>
    public static string ServiceEnvelope(string wireNamespace) => wireNamespace + "/notification.json";

    public static string Event(EventContract eventType) => eventType.WireNamespace + "/events/" + eventType.Name + ".json";

    /// <summary>One exact version of a versioned object, or the one schema of a plain object.</summary>
    public static string ObjectVersion(ObjectContract contract, ObjectVersion version) => contract.IsVersioned
        ? contract.WireNamespace + "/" + contract.Name + "/" + version + ".json"
        : contract.WireNamespace + "/" + contract.Name + ".json";

    /// <summary>Any version of a versioned object within one major version (a plain object's one schema).</summary>
    public static string ObjectMajor(ObjectContract contract, int major) => contract.IsVersioned
        ? contract.WireNamespace + "/" + contract.Name + "/" + major.ToString(CultureInfo.InvariantCulture) + ".x.json"
        : ObjectVersion(contract, contract.Current);

    /// <summary>
    /// The schema a payload of <paramref name="contract"/> is checked against: any version of its current major, or,
    /// when its history describes older majors too (which the reader reads), any version of any of them.
    /// </summary>
    public static string Payload(ObjectContract contract) => HasOlderMajors(contract)
        ? contract.WireNamespace + "/" + contract.Name + "/any.json"
        : ObjectMajor(contract, contract.Current.Major);

    /// <summary>Whether the history of a versioned object describes more than one major version.</summary>
    public static bool HasOlderMajors(ObjectContract contract) =>
        contract.IsVersioned && contract.Versions.Any(v => v.Major != contract.Current.Major);

    /// <summary>The relative reference from the schema at <paramref name="from"/> to the one at <paramref name="to"/>.</summary>
    public static string Reference(string from, string to)
    {
        var fromParts = from.Split('/')[..^1];
        var toParts = to.Split('/');
        var common = 0;
        while (common < fromParts.Length && common < toParts.Length - 1 && fromParts[common] == toParts[common])
        {
            common++;
        }

        return string.Concat(Enumerable.Repeat("../", fromParts.Length - common)) + string.Join("/", toParts[common..]);
    }
}
