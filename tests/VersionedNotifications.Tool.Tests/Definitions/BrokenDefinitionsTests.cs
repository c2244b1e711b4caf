using VersionedNotifications.Tool.Tests.Infrastructure;

namespace VersionedNotifications.Tool.Tests.Definitions;

/// <summary>
/// Definitions a build would refuse stop validate, normalize, listen and send before they read or connect: the build's
/// diagnostic on standard error (file(line,col): error VNxxxx: ...), nothing on standard output, exit code 2.
/// </summary>
public sealed class BrokenDefinitionsTests
{
    private static readonly string Message = Path.Combine(RepositoryLayout.Fixtures, "ironic", "baremetal.node.power_set.start.json");

    // listen and send must stop before they connect: nothing listens on port 1.
    public static TheoryData<string[]> Commands => new()
    {
        new[] { "validate", Message },
        new[] { "normalize", Message },
        new[] { "listen", "--url", "rabbit://guest:guest@127.0.0.1:1/", "--timeout", "60" },
        new[] { "send", "--url", "amqp://guest:guest@127.0.0.1:1/", "--timeout", "60", Message },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void A_type_the_sample_does_not_define_stops_with_its_diagnostic(string[] command)
    {
        using var folder = new TemporaryFolder("broken-sample");
        var definitions = CopyOf(RepositoryLayout.ProducerSampleDefinitions, folder, "definitions");
        var yaml = Path.Combine(definitions, "shipment.yaml");
        File.WriteAllText(yaml, File.ReadAllText(yaml).Replace("type: Carrier", "type: Carier", StringComparison.Ordinal));

        var outcome = Vnotify.Run([.. command, "-d", definitions]);

        Assert.True(outcome.ExitCode == 2, outcome.ToString());
        Assert.Equal(string.Empty, outcome.StandardOutput);
        var lines = outcome.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith($"{yaml}(24,15): error VN0005: Unknown type 'Carier' for field 'carrier'", lines[0], StringComparison.Ordinal);
        Assert.Equal($"vnotify: the definitions in '{definitions}' do not build (1 error(s)); nothing was read", lines[1]);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Yaml_that_does_not_parse_in_the_packaged_consumer_stops_with_its_place(string[] command)
    {
        using var folder = new TemporaryFolder("broken-consumer");
        var definitions = CopyOf(RepositoryLayout.PackageConsumerDefinitions, folder, "definitions");
        var yaml = Path.Combine(definitions, "shop.yaml");
        File.WriteAllText(yaml, File.ReadAllText(yaml).Replace("      total_cents:", "     total_cents:", StringComparison.Ordinal));

        var outcome = Vnotify.Run([.. command, "-d", definitions]);

        Assert.True(outcome.ExitCode == 2, outcome.ToString());
        Assert.Equal(string.Empty, outcome.StandardOutput);
        Assert.StartsWith($"{yaml}(10,6): error VN0001: The definitions file cannot be read as YAML: indentation: 'total_cents'", outcome.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void A_minor_version_that_removes_a_field_is_refused_against_the_manifest_named_with_m()
    {
        // The packaged consumer ships 1.1, then BrokenRule's 1.2 drops 'coupon': PackageTests' failing build.
        using var folder = new TemporaryFolder("broken-rule");
        var definitions = CopyOf(RepositoryLayout.PackageConsumerDefinitions, folder, "definitions");
        var manifest = Path.Combine(folder.Path, "released.txt");
        var shipped = Vnotify.Run("ship", "-d", definitions, "-m", manifest);
        Assert.True(shipped.ExitCode == 0, shipped.ToString());
        File.Copy(Path.Combine(RepositoryLayout.BrokenRuleDefinitions, "shop.yaml"), Path.Combine(definitions, "shop.yaml"), overwrite: true);
        var message = folder.Write("order.json", OrderMessage);

        var withManifest = Vnotify.Run("validate", "-d", definitions, "-m", manifest, message);
        var withoutManifest = Vnotify.Run("validate", "-d", definitions, message);

        Assert.True(withManifest.ExitCode == 2, withManifest.ToString());
        Assert.Contains("error VN0202", withManifest.StandardError, StringComparison.Ordinal);
        Assert.Contains("coupon", withManifest.StandardError, StringComparison.Ordinal);
        Assert.True(withoutManifest.ExitCode == 0, withoutManifest.ToString());
        Assert.Equal("OK shop.order.place.end OrderPayload 1.1\n", withoutManifest.StandardOutput);
    }

    [Theory]
    [InlineData("schema")]
    [InlineData("docs")]
    [InlineData("asyncapi")]
    public void Docs_of_a_minor_version_that_removes_a_field_are_refused_against_the_manifest_named_with_m(string command)
    {
        using var folder = new TemporaryFolder("broken-rule-docs");
        var definitions = CopyOf(RepositoryLayout.PackageConsumerDefinitions, folder, "definitions");
        var manifest = Path.Combine(folder.Path, "released.txt");
        Assert.Equal(0, Vnotify.Run("ship", "-d", definitions, "-m", manifest).ExitCode);
        File.Copy(Path.Combine(RepositoryLayout.BrokenRuleDefinitions, "shop.yaml"), Path.Combine(definitions, "shop.yaml"), overwrite: true);
        var output = Path.Combine(folder.Path, "out");

        var outcome = Vnotify.Run(command, "-d", definitions, "-m", manifest, "--out", output);

        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        Assert.Contains("error VN0202", outcome.StandardError, StringComparison.Ordinal);
        Assert.Contains("nothing generated", outcome.StandardError, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void The_projects_editorconfig_raises_a_warning_to_an_error_as_in_a_build()
    {
        // VN0203 (a major version for an additive change) is a warning; the project's .editorconfig makes it an error.
        using var folder = new TemporaryFolder("editorconfig");
        var definitions = CopyOf(RepositoryLayout.PackageConsumerDefinitions, folder, "definitions");
        Assert.Equal(0, Vnotify.Run("ship", "-d", definitions).ExitCode);
        var yaml = Path.Combine(definitions, "shop.yaml");
        File.WriteAllText(yaml, File.ReadAllText(yaml)
            .Replace("version: \"1.1\"", "version: \"2.0\"", StringComparison.Ordinal)
            .Replace("      \"1.1\": Add coupon.", "      \"1.1\": Add coupon.\n      \"2.0\": Add note.", StringComparison.Ordinal)
            .Replace("        since: \"1.1\"", "        since: \"1.1\"\n      note:\n        type: string\n        nullable: true\n        since: \"2.0\"", StringComparison.Ordinal));
        var message = folder.Write("order.json", OrderMessage);

        var asWarning = Vnotify.Run("validate", "-d", definitions, message);
        folder.Write(".editorconfig", "root = true\n\n[*.yaml]\ndotnet_diagnostic.VN0203.severity = error\n");
        var asError = Vnotify.Run("validate", "-d", definitions, message);

        Assert.True(asWarning.ExitCode == 0, asWarning.ToString());
        Assert.Contains("warning VN0203", asWarning.StandardError, StringComparison.Ordinal);
        Assert.True(asError.ExitCode == 2, asError.ToString());
        Assert.Contains("error VN0203", asError.StandardError, StringComparison.Ordinal);
    }

    /// <summary>An <c>OrderPayload</c> 1.1 as the packaged consumer's generated code writes it.</summary>
    internal const string OrderMessage =
        """{"message_id":"6c1e3b8a-2f4d-4e8b-9c7a-5d3e2f1a0b9c","publisher_id":"shop-api.host-1","event_type":"shop.order.place.end","priority":"INFO","payload":{"shop_object.name":"OrderPayload","shop_object.namespace":"shop","shop_object.version":"1.1","shop_object.data":{"id":"5f0c7a52-8b9e-4e57-9a36-1f2d3c4b5a69","total_cents":1999,"coupon":"WELCOME"}},"timestamp":"2026-12-07 09:30:15.250000"}""";

    private static string CopyOf(string source, TemporaryFolder folder, string name)
    {
        var target = Path.Combine(folder.Path, name);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        return target;
    }
}
