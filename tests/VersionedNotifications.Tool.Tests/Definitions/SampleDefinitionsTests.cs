using System.Text;
using Producer.Notifications;
using VersionedNotifications.Tool.Tests.Infrastructure;
using VersionedNotifications.Wire;

namespace VersionedNotifications.Tool.Tests.Definitions;

/// <summary>
/// validate and normalize with <c>-d samples/Producer/definitions</c> against the sample's own build: the messages its
/// generated code writes decode, and come out of normalize byte for byte as that code writes them.
/// </summary>
public sealed class SampleDefinitionsTests
{
    private static readonly ShipmentPayload Shipment = new()
    {
        Uuid = Guid.Parse("0d3b3f1e-6a47-4c1b-9a51-3c2f8a7e5b10"),
        OrderId = "order-0042",
        Carrier = Carrier.Freight,
        WeightKg = 12.25,
        TrackingUrl = "https://track.example/parcel/42?token=s3cr3t-42",
        DispatchedAt = new DateTimeOffset(2026, 12, 7, 9, 30, 15, 250, TimeSpan.Zero),
    };

    [Fact]
    public void Validate_reads_what_the_samples_generated_code_writes()
    {
        using var folder = new TemporaryFolder("sample-validate");
        var end = folder.Write("end.json", Written(EventTypes.Shipment.Dispatch.End, MessageFormat.MessagingV2));
        var error = folder.Write("error.json", Written(EventTypes.Shipment.Dispatch.Error, MessageFormat.MessagingV1, new PayloadWriteOptions { MaskSecrets = false, TargetVersion = "1.0" }));

        var outcome = Vnotify.Run("validate", "-d", RepositoryLayout.ProducerSampleDefinitions, end, error);

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Equal(
            ["OK shipment.dispatch.end ShipmentPayload 1.1", "OK shipment.dispatch.error ShipmentPayload 1.0"],
            outcome.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(string.Empty, outcome.StandardError);
    }

    [Fact]
    public void Validate_fails_a_value_the_definitions_do_not_allow_with_its_json_path()
    {
        using var folder = new TemporaryFolder("sample-validate-bad");
        var text = Written(EventTypes.Shipment.Dispatch.End, MessageFormat.MessagingV1).Replace("12.25", "\"heavy\"", StringComparison.Ordinal);
        var path = folder.Write("bad.json", text);

        var outcome = Vnotify.Run("validate", "-d", RepositoryLayout.ProducerSampleDefinitions, path);

        Assert.Equal(1, outcome.ExitCode);
        Assert.StartsWith($"FAIL {path}: $.payload['shipping_object.data'].weight_kg: ", outcome.StandardOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(MessageFormat.MessagingV1)]
    [InlineData(MessageFormat.MessagingV2)]
    public void Normalize_writes_the_bytes_the_samples_generated_code_writes(MessageFormat format)
    {
        using var folder = new TemporaryFolder("sample-normalize");
        var written = Written(EventTypes.Shipment.Dispatch.End, format);
        var path = folder.Write("end.json", written);

        var outcome = Vnotify.Run("normalize", "-d", RepositoryLayout.ProducerSampleDefinitions, path);

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Equal(written + "\n", outcome.StandardOutput);
    }

    [Fact]
    public void Normalize_backports_as_the_samples_generated_code_backports()
    {
        using var folder = new TemporaryFolder("sample-backport");
        var notification = Notification.Create(EventTypes.Shipment.Dispatch.End, Shipment, "shipping-api.host-1");
        var path = folder.Write("end.json", Written(notification, MessageFormat.MessagingV1));

        var outcome = Vnotify.Run("normalize", "-d", RepositoryLayout.ProducerSampleDefinitions, path, "--target-version", "1.0", "--mask");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        var expected = Written(notification, MessageFormat.MessagingV1, new PayloadWriteOptions { MaskSecrets = true, TargetVersion = "1.0" });
        Assert.Equal(expected + "\n", outcome.StandardOutput);
        Assert.DoesNotContain("dispatched_at", outcome.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", outcome.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void The_json_context_named_as_the_project_names_it_changes_nothing_read()
    {
        using var folder = new TemporaryFolder("sample-naming");
        var path = folder.Write("end.json", Written(EventTypes.Shipment.Dispatch.End, MessageFormat.MessagingV1));

        var outcome = Vnotify.Run("validate", "-d", RepositoryLayout.ProducerSampleDefinitions, "--root-namespace", "Producer", path);

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Equal("OK shipment.dispatch.end ShipmentPayload 1.1\n", outcome.StandardOutput);
    }

    [Fact]
    public void The_built_in_openstack_contracts_read_without_definitions_and_only_the_samples_with_them()
    {
        using var folder = new TemporaryFolder("sample-default");
        var path = folder.Write("end.json", Written(EventTypes.Shipment.Dispatch.End, MessageFormat.MessagingV1));
        var ironic = Path.Combine(RepositoryLayout.Fixtures, "ironic", "baremetal.node.power_set.start.json");

        var builtIn = Vnotify.Run("validate", path, ironic);
        var sample = Vnotify.Run("validate", "-d", RepositoryLayout.ProducerSampleDefinitions, path, ironic);

        Assert.Equal(1, builtIn.ExitCode);
        Assert.Equal(
            [$"FAIL {path}: $.event_type: no contract declares the event type 'shipment.dispatch.end'", "OK baremetal.node.power_set.start NodeSetPowerStatePayload 1.16"],
            builtIn.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(1, sample.ExitCode);
        Assert.Equal(
            ["OK shipment.dispatch.end ShipmentPayload 1.1", $"FAIL {ironic}: $.event_type: no contract declares the event type 'baremetal.node.power_set.start'"],
            sample.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("--manifest")]
    [InlineData("--root-namespace")]
    [InlineData("--json-context")]
    public void An_option_of_the_definitions_without_definitions_is_a_usage_error(string option)
    {
        var outcome = Vnotify.Run("validate", option, "x", Path.Combine(RepositoryLayout.Fixtures, "ironic", "baremetal.node.power_set.start.json"));

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal($"vnotify: {option}: applies to the definitions named with --definitions; without them the built-in OpenStack contracts are used", outcome.StandardError.Trim());
        Assert.Equal(string.Empty, outcome.StandardOutput);
    }

    /// <summary>A new message of <paramref name="eventType"/> as the sample's generated code and the runtime write it, unmasked unless the options say so.</summary>
    private static string Written(EventType<ShipmentPayload> eventType, MessageFormat format, PayloadWriteOptions? options = null) =>
        Written(Notification.Create(eventType, Shipment, "shipping-api.host-1"), format, options);

    private static string Written(Notification notification, MessageFormat format, PayloadWriteOptions? options = null) =>
        Encoding.UTF8.GetString(NotificationWriter.Write(notification, format, options ?? new PayloadWriteOptions { MaskSecrets = false }));
}
