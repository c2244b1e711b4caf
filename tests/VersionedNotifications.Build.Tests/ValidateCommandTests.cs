using System.Text.Json.Nodes;

namespace VersionedNotifications.Build.Tests;

/// <summary>
/// <c>vnotify validate</c> on the messages the real ironic and glance code made, on the other forms of
/// them a bus carries, and on broken copies: one line per file, the path of what is wrong, and a
/// failure for any message the contracts would change when writing it again.
/// </summary>
public sealed class ValidateCommandTests
{
    private const string PowerSetEnd = "baremetal.node.power_set.end";

    [Fact]
    public void Accepts_every_real_fixture_and_names_its_payload_type()
    {
        var fixtures = OpenStackFixtures.All;

        var run = VnotifyStreams.Run(RepositoryLayout.Root, ["validate", .. fixtures]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(92 + 35 + 41, fixtures.Count);
        Assert.Equal(fixtures.Select(ExpectedLine), run.OutputLines);
        Assert.Equal(string.Empty, run.Error);
    }

    [Fact]
    public void Accepts_the_other_forms_of_the_same_message()
    {
        using var folder = new TemporaryFolder("validate");
        var envelope = OpenStackFixtures.Load("ironic", PowerSetEnd);
        var inner = envelope.DeepClone().AsObject();
        inner["_unique_id"] = "0f3d6c2e9a8b4c7d8e1f2a3b4c5d6e7f";
        inner["_context_request_id"] = "req-6f1c5b0e-3d2a-4b8c-9e7f-1a2b3c4d5e6f";
        var v2 = folder.Write("v2.json", OpenStackFixtures.AsMessagingV2(inner));

        // What other producers send: priority in lower case, datetimes with +00:00 or a T, a UUID in upper case,
        // and a uuid field that holds no UUID at all (oslo's UUIDField only warns); each is written back as it came.
        var spelled = envelope.DeepClone().AsObject();
        spelled["priority"] = "info";
        spelled["timestamp"] = "2016-01-27T20:41:09.75";
        var data = spelled["payload"]!["ironic_object.data"]!;
        data["created_at"] = "2016-01-26T20:41:03+00:00";
        data["uuid"] = data["uuid"]!.GetValue<string>().ToUpperInvariant();
        data["instance_uuid"] = "fake-instance-id";
        var otherSpelling = folder.Write("spelled.json", spelled.ToJsonString());

        var barePayload = folder.Write("payload.json", envelope["payload"]!.ToJsonString());
        var bareText = folder.Write("text.json", OpenStackFixtures.Load("glance", "image.upload.error-text")["payload"]!.ToJsonString());

        var run = VnotifyStreams.Run(folder.Path, "validate", v2, otherSpelling, barePayload, bareText);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            [
                $"OK {PowerSetEnd} NodeSetPowerStatePayload 1.16",
                $"OK {PowerSetEnd} NodeSetPowerStatePayload 1.16",
                "OK - NodeSetPowerStatePayload 1.16",
                "OK - text -",
            ],
            run.OutputLines);
    }

    [Fact]
    public void Reads_a_bare_unversioned_payload_as_the_event_type_given()
    {
        using var folder = new TemporaryFolder("validate");
        var payload = folder.Write("image.json", OpenStackFixtures.Load("glance", "image.update")["payload"]!.ToJsonString());

        var run = VnotifyStreams.Run(folder.Path, "validate", "--event-type", "image.update", payload);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["OK - ImagePayload 1.0"], run.OutputLines);
    }

    [Fact]
    public void Fails_each_broken_copy_with_the_path_of_what_is_wrong()
    {
        using var folder = new TemporaryFolder("validate");
        var text = File.ReadAllText(OpenStackFixtures.PathOf("ironic", PowerSetEnd));
        var wrongType = Changed(folder, "wrong-type.json", envelope => envelope["payload"]!["ironic_object.data"]!["power_state"] = 5);
        var wrongTypeInV2 = folder.Write("wrong-type-v2.json", OpenStackFixtures.AsMessagingV2(JsonNode.Parse(File.ReadAllText(wrongType))!.AsObject()));
        var truncated = folder.Write("truncated.json", text[..(text.Length / 2)]);
        var unknownEventType = Changed(folder, "unknown.json", envelope => envelope["event_type"] = "baremetal.node.frobnicate.end");
        var nextMajor = Changed(folder, "major.json", envelope => envelope["payload"]!["ironic_object.version"] = "2.0");
        var unversionedWithoutEventType = folder.Write("image.json", OpenStackFixtures.Load("glance", "image.update")["payload"]!.ToJsonString());
        var intact = OpenStackFixtures.PathOf("ironic", PowerSetEnd);

        var run = VnotifyStreams.Run(folder.Path, "validate", wrongType, wrongTypeInV2, truncated, unknownEventType, nextMajor, unversionedWithoutEventType, intact);

        Assert.True(run.ExitCode == 1, run.ToString());
        var lines = run.OutputLines;
        Assert.Equal(7, lines.Length);
        Assert.Equal($"FAIL {wrongType}: $.payload['ironic_object.data'].power_state: expected a string, found the number 5", lines[0]);
        Assert.Equal($"FAIL {wrongTypeInV2}: $['oslo.message'].payload['ironic_object.data'].power_state: expected a string, found the number 5", lines[1]);
        Assert.StartsWith($"FAIL {truncated}: $: malformed JSON: ", lines[2]);
        Assert.Equal($"FAIL {unknownEventType}: $.event_type: no contract declares the event type 'baremetal.node.frobnicate.end'", lines[3]);
        Assert.Equal($"FAIL {nextMajor}: $.payload['ironic_object.version']: NodeSetPowerStatePayload 2.0 has another major version than the 1.16 this contract reads", lines[4]);
        Assert.Equal($"FAIL {unversionedWithoutEventType}: $: the payload names no known versioned object; give the event type to read an unversioned payload", lines[5]);
        Assert.Equal($"OK {PowerSetEnd} NodeSetPowerStatePayload 1.16", lines[6]);
        Assert.Equal(string.Empty, run.Error);
    }

    /// <remarks>
    /// The message decodes, so only the comparison with what the contracts write can catch it: a version
    /// with a leading zero in its minor ("1.016"): oslo compares versions as integers, so it reads as 1.16,
    /// and it is written back in the canonical form.
    /// </remarks>
    [Fact]
    public void Fails_a_message_that_reencoding_would_change()
    {
        using var folder = new TemporaryFolder("validate");
        var envelope = OpenStackFixtures.Load("ironic", PowerSetEnd);
        envelope["payload"]!["ironic_object.version"] = "1.016";
        var paddedVersion = folder.Write("version.json", OpenStackFixtures.AsMessagingV2(envelope));

        var run = VnotifyStreams.Run(folder.Path, "validate", paddedVersion);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal(
            [$"FAIL {paddedVersion}: $['oslo.message'].payload['ironic_object.version']: re-encoding changes the value (read \"1.016\", written \"1.16\")"],
            run.OutputLines);
    }

    /// <remarks>
    /// What Python's json reads, and so oslo can send: a key sent twice (the last value counts, in the
    /// reader as in the comparison), NaN in a flexible dict, a byte order mark before the body. A name
    /// that escapes a lone surrogate is refused with its path.
    /// </remarks>
    [Fact]
    public void Reads_what_Python_reads_and_names_what_it_cannot()
    {
        using var folder = new TemporaryFolder("validate");
        var text = File.ReadAllText(OpenStackFixtures.PathOf("ironic", PowerSetEnd));
        const string PowerState = "\"power_state\": \"power on\",";
        Assert.Contains(PowerState, text);
        var repeatedKey = folder.Write("repeated-key.json", text.Replace(PowerState, "\"power_state\": \"power off\",\n      " + PowerState, StringComparison.Ordinal));
        var loneSurrogate = folder.Write("lone-surrogate.json", text.Replace(PowerState, "\"\\udfff\": 1,\n      " + PowerState, StringComparison.Ordinal));
        var envelope = OpenStackFixtures.Load("ironic", PowerSetEnd);
        envelope["payload"]!["ironic_object.data"]!["properties"] = new JsonObject { ["ratio"] = 1.5 };
        var nan = folder.Write("nan.json", envelope.ToJsonString().Replace("1.5", "NaN", StringComparison.Ordinal));
        var byteOrderMark = folder.Write("bom.json", "\uFEFF" + text);

        var run = VnotifyStreams.Run(folder.Path, "validate", repeatedKey, loneSurrogate, nan, byteOrderMark);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal(
            [
                $"OK baremetal.node.power_set.end NodeSetPowerStatePayload 1.16",
                $"FAIL {loneSurrogate}: $.payload['ironic_object.data']['\\\\udfff']: the property name holds an unpaired surrogate escape",
                $"OK baremetal.node.power_set.end NodeSetPowerStatePayload 1.16",
                $"OK baremetal.node.power_set.end NodeSetPowerStatePayload 1.16",
            ],
            run.OutputLines);
    }

    [Theory]
    [InlineData("Required argument 'FILE' missing", "validate")]
    [InlineData("no such file: missing.json", "validate", "FIXTURE", "missing.json")]
    [InlineData("--event-type: no contract declares the event type 'image.frobnicate'", "validate", "--event-type", "image.frobnicate", "FIXTURE")]
    [InlineData("Argument 'v3' not recognized", "normalize", "--format", "v3", "FIXTURE")]
    [InlineData("--target-version: NodeSetPowerStatePayload cannot be written at 2.0: a backport stays within major version 1.", "normalize", "--target-version", "2.0", "FIXTURE")]
    [InlineData("no such file: missing.json", "normalize", "missing.json")]
    public void Usage_errors_exit_with_two_and_print_nothing_on_standard_output(string message, params string[] arguments)
    {
        var fixture = OpenStackFixtures.PathOf("ironic", PowerSetEnd);

        var run = VnotifyStreams.Run(RepositoryLayout.Root, arguments.Select(a => a == "FIXTURE" ? fixture : a).ToArray());

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Empty(run.Output);
        Assert.Contains(message, run.Error);
    }

    private static string Changed(TemporaryFolder folder, string name, Action<JsonObject> change)
    {
        var envelope = OpenStackFixtures.Load("ironic", PowerSetEnd);
        change(envelope);
        return folder.Write(name, envelope.ToJsonString());
    }

    /// <summary>
    /// The line a fixture must give, from the fixture itself: ironic's payload names its object and
    /// version; glance's payloads are unversioned (the definitions' version, 1.0) and depend on the
    /// event type as glance's notifier sends them; its upload error is plain text.
    /// </summary>
    private static string ExpectedLine(string fixture)
    {
        var envelope = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryLayout.Root, fixture)))!.AsObject();
        var eventType = envelope["event_type"]!.GetValue<string>();
        var payload = envelope["payload"]!;
        if (payload is JsonValue)
        {
            return $"OK {eventType} text -";
        }

        foreach (var prefix in new[] { "ironic_object", "nova_object" })
        {
            if (payload[prefix + ".name"] is { } name)
            {
                return $"OK {eventType} {name} {payload[prefix + ".version"]}";
            }
        }

        return $"OK {eventType} {GlancePayloadType(eventType)} 1.0";
    }

    private static string GlancePayloadType(string eventType) => eventType switch
    {
        "image.send" => "ImageSendPayload",
        "image.prepare" => "ImagePreparePayload",
        "image.upload" => "ImageUploadPayload",
        _ when eventType.StartsWith("image.member.", StringComparison.Ordinal) => "ImageMemberPayload",
        _ when eventType.StartsWith("image.", StringComparison.Ordinal) => "ImagePayload",
        _ when eventType.StartsWith("metadef_namespace.", StringComparison.Ordinal) => "MetadefNamespacePayload",
        _ when eventType.StartsWith("metadef_object.", StringComparison.Ordinal) => "MetadefObjectPayload",
        _ when eventType.StartsWith("metadef_property.", StringComparison.Ordinal) => "MetadefPropertyPayload",
        _ when eventType.StartsWith("metadef_resource_type.", StringComparison.Ordinal) => "MetadefResourceTypePayload",
        _ when eventType.StartsWith("metadef_tag.", StringComparison.Ordinal) => "MetadefTagPayload",
        _ when eventType.StartsWith("task.", StringComparison.Ordinal) => "TaskPayload",
        _ => throw new ArgumentException("not a glance event type: " + eventType, nameof(eventType)),
    };
}
