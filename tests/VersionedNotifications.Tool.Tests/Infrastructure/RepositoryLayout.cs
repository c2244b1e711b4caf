namespace VersionedNotifications.Tool.Tests.Infrastructure;

/// <summary>The repository these tests belong to, and the generated documents in it.</summary>
internal static class RepositoryLayout
{
    public static string Root => Repository.Root;

    public static string Definitions => Path.Combine(Root, "definitions");

    public static string Services => Path.Combine(Root, "docs", "notifications", "services.yaml");

    public static string Notifications => Path.Combine(Root, "docs", "notifications");

    public static string Schemas => Path.Combine(Root, "docs", "schemas");

    public static string AsyncApi => Path.Combine(Root, "docs", "asyncapi");

    public static string Fixtures => Path.Combine(Root, "tests", "fixtures", "openstack");

    public static string Tools => Path.Combine(Root, "tests", "tools");

    /// <summary>The definitions of the Producer sample, a service with notifications of its own.</summary>
    public static string ProducerSampleDefinitions => Path.Combine(Root, "samples", "Producer", "definitions");

    /// <summary>The definitions of the packaged consumer that defines its own notifications (built from the .nupkg files by PackageTests).</summary>
    public static string PackageConsumerDefinitions => Path.Combine(Root, "tests", "package-consumers", "Producer", "definitions");

    /// <summary>The packaged consumer's definitions after a minor version that removes a field (PackageTests' failing build).</summary>
    public static string BrokenRuleDefinitions => Path.Combine(Root, "tests", "package-consumers", "BrokenRule");
}
