using VersionedNotifications.Tool.Tests.Infrastructure;

namespace VersionedNotifications.Tool.Tests.Definitions;

/// <summary>validate and normalize with <c>-d</c> on the definitions of the consumer PackageTests builds from the packed .nupkg files.</summary>
public sealed class PackageConsumerDefinitionsTests
{
    [Fact]
    public void Validate_and_normalize_read_and_write_the_consumers_messages()
    {
        using var folder = new TemporaryFolder("consumer-messages");
        var message = folder.Write("order.json", BrokenDefinitionsTests.OrderMessage);

        var validated = Vnotify.Run("validate", "-d", RepositoryLayout.PackageConsumerDefinitions, "--root-namespace", "Producer", message);
        var normalized = Vnotify.Run("normalize", "-d", RepositoryLayout.PackageConsumerDefinitions, message);

        Assert.True(validated.ExitCode == 0, validated.ToString());
        Assert.Equal("OK shop.order.place.end OrderPayload 1.1\n", validated.StandardOutput);
        Assert.True(normalized.ExitCode == 0, normalized.ToString());
        // The same message as oslo writes it (json.dumps' separators; what Python printed for json.dumps(json.loads(message))).
        const string AsOsloWritesIt = """{"message_id": "6c1e3b8a-2f4d-4e8b-9c7a-5d3e2f1a0b9c", "publisher_id": "shop-api.host-1", "event_type": "shop.order.place.end", "priority": "INFO", "payload": {"shop_object.name": "OrderPayload", "shop_object.namespace": "shop", "shop_object.version": "1.1", "shop_object.data": {"id": "5f0c7a52-8b9e-4e57-9a36-1f2d3c4b5a69", "total_cents": 1999, "coupon": "WELCOME"}}, "timestamp": "2026-12-07 09:30:15.250000"}""";
        Assert.Equal(AsOsloWritesIt + "\n", normalized.StandardOutput);
    }

    [Fact]
    public void An_older_version_reads_and_a_wrong_type_fails_with_its_json_path()
    {
        using var folder = new TemporaryFolder("consumer-versions");
        var older = folder.Write("older.json", BrokenDefinitionsTests.OrderMessage
            .Replace("\"1.1\"", "\"1.0\"", StringComparison.Ordinal)
            .Replace(",\"coupon\":\"WELCOME\"", string.Empty, StringComparison.Ordinal));
        var wrong = folder.Write("wrong.json", BrokenDefinitionsTests.OrderMessage.Replace("1999", "\"1999\"", StringComparison.Ordinal));

        var outcome = Vnotify.Run("validate", "-d", RepositoryLayout.PackageConsumerDefinitions, older, wrong);

        Assert.Equal(1, outcome.ExitCode);
        var lines = outcome.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("OK shop.order.place.end OrderPayload 1.0", lines[0]);
        Assert.StartsWith($"FAIL {wrong}: $.payload['shop_object.data'].total_cents: ", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_bare_payload_takes_an_event_type_of_the_definitions()
    {
        using var folder = new TemporaryFolder("consumer-bare");
        var payload = folder.Write("payload.json", """{"shop_object.name":"OrderPayload","shop_object.namespace":"shop","shop_object.version":"1.1","shop_object.data":{"id":"5f0c7a52-8b9e-4e57-9a36-1f2d3c4b5a69","total_cents":5,"coupon":null}}""");

        var known = Vnotify.Run("validate", "-d", RepositoryLayout.PackageConsumerDefinitions, "--event-type", "shop.order.place.start", payload);
        var unknown = Vnotify.Run("validate", "-d", RepositoryLayout.PackageConsumerDefinitions, "--event-type", "image.update", payload);

        Assert.True(known.ExitCode == 0, known.ToString());
        Assert.Equal("OK - OrderPayload 1.1\n", known.StandardOutput);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Equal("vnotify: --event-type: no contract declares the event type 'image.update'", unknown.StandardError.Trim());
    }
}
