using System.Text.Json.Nodes;
using VersionedNotifications.Tool.Tests.Infrastructure;

namespace VersionedNotifications.Tool.Tests;

/// <summary>The committed AsyncAPI documents, parsed by the real @asyncapi/parser with its default rules.</summary>
public sealed class AsyncApiTests
{
    private static readonly Lazy<JsonArray> Report = new(() =>
    {
        var (exitCode, report) = NodeTools.ParseAsyncApi(Document("ironic"), Document("glance"));
        Assert.True(exitCode == 0, "the parser reported errors:\n" + report.ToJsonString());
        return report;
    });

    [Fact]
    public void The_parser_reports_no_error_and_no_warning()
    {
        foreach (var document in Report.Value)
        {
            // Severity 0 is an error, 1 a warning; the one information is that AsyncAPI 3.1 exists (the issue asks for 3.0).
            var serious = document!["diagnostics"]!.AsArray().Where(d => (int)d!["severity"]! <= 1).Select(d => d!.ToJsonString()).ToList();
            Assert.True(serious.Count == 0, $"{document["file"]}:\n{string.Join('\n', serious)}");
            Assert.All(document["diagnostics"]!.AsArray(), d => Assert.Equal("asyncapi-latest-version", (string?)d!["code"]));
            Assert.Equal("3.0.0", (string?)document["summary"]!["asyncapi"]);
        }
    }

    [Theory]
    [InlineData("ironic", "ironic", "ironic_versioned_notifications", 92, 62, 30)]
    [InlineData("glance", "glance", "notifications", 33, 33, 1)]
    public void Channels_follow_the_bus_and_every_event_type_has_a_message(string service, string exchange, string topic, int events, int atInfo, int atError)
    {
        var summary = Summary(service);

        var channels = summary["channels"]!.AsArray();
        Assert.Equal([topic + ".info", topic + ".error"], channels.Select(c => (string)c!["address"]!));
        Assert.All(channels, c => Assert.Equal(exchange, (string?)c!["exchange"]));
        Assert.Equal(atInfo, channels[0]!["messages"]!.AsArray().Count);
        Assert.Equal(atError, channels[1]!["messages"]!.AsArray().Count);
        Assert.Equal(events, summary["messages"]!.AsArray().Count);
        var operations = summary["operations"]!.AsArray();
        Assert.Equal(["send", "receive", "send", "receive"], operations.Select(o => (string)o!["action"]!));
        Assert.All(operations, o => Assert.True((int)o!["messages"]! > 0));
    }

    [Fact]
    public void Error_channels_carry_the_error_statuses_and_glance_s_text_message()
    {
        var ironicErrors = Summary("ironic")["channels"]![1]!["messages"]!.AsArray().Select(m => (string)m!).ToList();
        var glanceErrors = Summary("glance")["channels"]![1]!["messages"]!.AsArray().Select(m => (string)m!).ToList();

        Assert.All(ironicErrors, m => Assert.EndsWith(".error", m, StringComparison.Ordinal));
        Assert.Equal(["image.upload"], glanceErrors);
    }

    [Fact]
    public void Every_message_example_validates_against_the_message_payload()
    {
        foreach (var service in new[] { "ironic", "glance" })
        {
            var messages = Summary(service)["messages"]!.AsArray();
            var invalid = messages.SelectMany(m => m!["examples"]!.AsArray().Where(e => !(bool)e!["valid"]!).Select(e => $"{m["name"]}: {e!["errors"]!.ToJsonString()}")).ToList();
            Assert.All(messages, m => Assert.Single(m!["examples"]!.AsArray()));
            Assert.True(invalid.Count == 0, string.Join('\n', invalid));
        }
    }

    [Fact]
    public void A_broken_document_fails_the_parser()
    {
        using var folder = new TemporaryFolder("asyncapi-broken");
        var text = File.ReadAllText(Document("glance"));
        Assert.Contains("action: \"send\"", text, StringComparison.Ordinal);
        var broken = folder.Write("glance.yaml", text.Replace("action: \"send\"", "action: \"publish\"", StringComparison.Ordinal));
        var example = folder.Write("glance-example.yaml", ReplaceFirst(text, "\"priority\": \"INFO\"", "\"priority\": \"info\"").Replace("priority: \"INFO\"", "priority: \"info\"", StringComparison.Ordinal));

        var (exitCode, report) = NodeTools.ParseAsyncApi(broken, example);

        Assert.Equal(1, exitCode);
        Assert.Contains(report[0]!["diagnostics"]!.AsArray(), d => (int)d!["severity"]! == 0 && ((string)d["path"]!).Contains("action", StringComparison.Ordinal));
        Assert.Contains(report[1]!["summary"]!["messages"]!.AsArray(), m => m!["examples"]!.AsArray().Any(e => !(bool)e!["valid"]!));
    }

    private static string Document(string service) => Path.Combine(RepositoryLayout.AsyncApi, service + ".yaml");

    private static JsonNode Summary(string service) =>
        Report.Value.Single(d => ((string)d!["file"]!).EndsWith(service + ".yaml", StringComparison.Ordinal))!["summary"]!;

    private static string ReplaceFirst(string text, string old, string replacement)
    {
        var index = text.IndexOf(old, StringComparison.Ordinal);
        return index < 0 ? text : text[..index] + replacement + text[(index + old.Length)..];
    }
}
