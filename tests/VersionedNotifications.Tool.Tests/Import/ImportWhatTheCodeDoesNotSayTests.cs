using System.Globalization;
using VersionedNotifications.Tool.Tests.Infrastructure;

namespace VersionedNotifications.Tool.Tests.Import;

/// <summary>
/// <c>vnotify import</c> on a made-up service (FakeService/notifications.py): what the code says is written, what it
/// does not say is a TODO on its line that the build rejects with our diagnostic, or a finding in the output.
/// </summary>
public sealed class ImportWhatTheCodeDoesNotSayTests
{
    [Fact]
    public void Each_undecided_value_is_a_todo_the_build_rejects_on_its_line_and_the_rest_is_read_from_the_code()
    {
        using var service = new TemporaryFolder("import-fakesvc");
        service.Write("fakesvc/__init__.py", string.Empty);
        service.Write("fakesvc/notifications.py", File.ReadAllText(Path.Combine(RepositoryLayout.Root, "tests", "VersionedNotifications.Tool.Tests", "Import", "FakeService", "notifications.py")));
        var definitions = Path.Combine(service.Path, "definitions");

        // Python puts the working directory on its path, which is how it finds fakesvc.
        var import = Processes.Run("dotnet", [Vnotify.Path, "import", "--python", PythonService.Python, "--csharp-namespace", "Fake.Service", "-d", definitions, "fakesvc"], workingDirectory: service.Path);

        Assert.True(import.ExitCode == 0, import.ToString());
        Assert.Contains("- WidgetPayload: the history goes from 1.1 to 1.3; the lines between are missing in the code", import.StandardOutput);
        Assert.Contains($"- an event type is built at run time at {service.Path}/fakesvc/notifications.py:99 (EventType(object='widget', action=action, phase='end')): add the event types it sends by hand", import.StandardOutput);
        Assert.Contains("3 TODO(s): the build fails on each until a person decides", import.StandardOutput);

        var yaml = File.ReadAllText(Path.Combine(definitions, "notifications.yaml"));
        string[] expected =
        [
            "namespace: fakesvc\ncsharp_namespace: Fake.Service\n",
            // An oslo Enum class of its own is a named enum; 1.2 is no C# name, so the value gets one.
            "  Colour:\n    description: \"oslo's fakesvc.notifications.Colour.\"\n    values:\n      - \"red\"\n      - \"green\"\n      - { value: \"1.2\", csharp_name: V1_2 }\n",
            // Set only under an if in __init__: it may be unset. "Add colour" says when it came.
            "      colour:\n        type: Colour\n        nullable: true\n        optional: true\n        since: \"1.1\"\n",
            "      stamp:\n        type: string\n        TODO: TODO  # TODO: oslo computes the default at run time (stamp_now); write the value, or remove this line\n",
            "      blob:\n        type: TODO  # TODO: oslo field type fakesvc.notifications.Opaque has no type in the definitions language; choose one\n",
            "      tags:\n        type: list<integer>\n        since: \"1.3\"\n        # oslo's Set(Integer) travels as a JSON list; the definitions say list, without a set's uniqueness\n",
            "      sizes:\n        type: list<integer>\n        TODO: TODO  # TODO: the default [1, 2] is not [], the only list default the language takes; remove this line or change the field\n",
            "    history:\n      \"1.0\": \"Initial version\"\n      \"1.1\": \"Add colour\"\n      \"1.3\": \"Add tags\"\n",
            // Declared with constants, sent with the priority passed beside it.
            "    payload: WidgetPayload\n    statuses:\n      start: info\n      end: info\n",
        ];
        foreach (var part in expected)
        {
            Assert.Contains(part, yaml);
        }

        var check = Vnotify.Run("check", "-d", definitions);
        Assert.Equal(1, check.ExitCode);
        var todoLines = yaml.Split('\n').Select((line, index) => (line, index)).Where(l => l.line.Contains("# TODO:", StringComparison.Ordinal)).Select(l => l.index + 1);
        var errorLines = check.StandardOutput.Split('\n').Where(line => line.Contains(": error VN", StringComparison.Ordinal))
            .Select(line => int.Parse(line.Split("notifications.yaml(")[1].Split(',')[0], CultureInfo.InvariantCulture));
        Assert.Equal(todoLines.Order(), errorLines.Order());
    }
}
