using VersionedNotifications.Tool.Tests.Infrastructure;

namespace VersionedNotifications.Tool.Tests.Import;

/// <summary>
/// masakari 14.0.2 (python3-masakari), a service nothing in the project was written against: the definitions
/// <c>vnotify import</c> wrote from its classes, with the TODOs decided and the event types added by hand
/// (tests/fixtures/openstack/masakari/definitions), match its classes, read every message its own code sends
/// (tests/fixtures/openstack/make_masakari_fixtures.py) typed, and write each body oslo's drivers put on the bus
/// back byte for byte.
/// </summary>
public sealed class MasakariTests
{
    private static readonly string[] Modules = ["masakari.notifications.objects", "masakari.objects"];

    private static string Fixtures => Path.Combine(RepositoryLayout.Fixtures, "masakari");

    private static string Definitions => Path.Combine(Fixtures, "definitions");

    [Fact]
    public void Import_check_finds_no_difference_between_masakari_s_classes_and_the_decided_definitions()
    {
        var check = PythonService.Check(Definitions, Modules);

        Assert.True(check.ExitCode == 0, check.ToString());
        Assert.Contains("no differences", check.StandardOutput);
    }

    [Fact]
    public void Every_message_masakari_sends_reads_typed_through_the_imported_definitions()
    {
        var messages = Directory.GetFiles(Fixtures, "*.json").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(19, messages.Length);

        var validate = Vnotify.Run(["validate", "-d", Definitions, .. messages]);

        Assert.True(validate.ExitCode == 0, validate.ToString());
        var lines = validate.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(messages.Select(Path.GetFileNameWithoutExtension), lines.Select(line => line.Split(' ')[1]));
        Assert.All(lines, line => Assert.StartsWith("OK ", line, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("wire.v1.jsonl")]
    [InlineData("wire.v2.jsonl")]
    public void Each_body_oslo_put_on_the_bus_comes_back_byte_for_byte(string bodies)
    {
        var path = Path.Combine(Fixtures, bodies);

        var normalize = Vnotify.Run("normalize", "--lines", "-d", Definitions, path);

        Assert.True(normalize.ExitCode == 0, normalize.ToString());
        var expected = File.ReadAllText(path).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var written = normalize.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(19, expected.Length);
        Assert.Equal(expected.Length, written.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(expected[i] == written[i], $"line {i + 1} of {bodies} differs:\n oslo: {expected[i]}\n ours: {written[i]}");
        }
    }

    [Fact]
    public void Nested_objects_keep_their_own_changes_lists()
    {
        // host.update.error: the payload names failover_segment as changed, the segment inside lists all its
        // fields, and the fault inside carries no list at all; each comes back as it was.
        var message = Path.Combine(Fixtures, "host.update.error.json");

        var normalize = Vnotify.Run("normalize", "-d", Definitions, message);

        Assert.True(normalize.ExitCode == 0, normalize.ToString());
        var written = System.Text.Json.Nodes.JsonNode.Parse(normalize.StandardOutput)!["payload"]!;
        Assert.Equal("[\"failover_segment\"]", written["masakari_object.changes"]!.ToJsonString());
        Assert.Equal(11, written["masakari_object.data"]!["failover_segment"]!["masakari_object.changes"]!.AsArray().Count);
        Assert.False(written["masakari_object.data"]!["fault"]!.AsObject().ContainsKey("masakari_object.changes"));
    }
}
