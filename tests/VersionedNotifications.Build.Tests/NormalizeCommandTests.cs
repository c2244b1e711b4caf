using System.Text;
using VersionedNotifications.OpenStack;
using VersionedNotifications.OpenStack.Ironic;
using VersionedNotifications.Wire;

namespace VersionedNotifications.Build.Tests;

/// <summary>
/// <c>vnotify normalize</c>: exactly the bytes the runtime's writer makes of a captured message, which
/// validate again and read back to the same notification; in another format or version when asked.
/// </summary>
public sealed class NormalizeCommandTests
{
    private static readonly NotificationReader Reader = new(OpenStackJsonContext.Default);

    [Fact]
    public void Prints_the_writer_bytes_which_validate_and_read_back_to_the_same_notification()
    {
        using var folder = new TemporaryFolder("normalize");
        var fixture = OpenStackFixtures.PathOf("ironic", "baremetal.node.create.end");
        var captured = Decode(File.ReadAllBytes(fixture));

        var run = VnotifyStreams.Run(folder.Path, "normalize", fixture);

        Assert.True(run.ExitCode == 0, run.ToString());
        var unmasked = new PayloadWriteOptions { MaskSecrets = false };
        var expected = NotificationWriter.Write(captured.Notification, MessageFormat.MessagingV1, unmasked);
        Assert.Equal([.. expected, (byte)'\n'], run.Output);
        var normalized = Decode(run.Output.AsMemory(0, run.Output.Length - 1));
        Assert.Equal(MessageFormat.MessagingV1, normalized.Format);
        Assert.Equal(captured.Notification.Header, normalized.Notification.Header);
        Assert.IsType<NodeCRUDPayload>(normalized.Notification.PayloadValue);
        Assert.Equal(expected, NotificationWriter.Write(normalized.Notification, MessageFormat.MessagingV1, unmasked));

        var validate = VnotifyStreams.Run(folder.Path, "validate", fixture, folder.Write("normalized.json", Encoding.UTF8.GetString(run.Output)));
        Assert.True(validate.ExitCode == 0, validate.ToString());
        Assert.Equal(["OK baremetal.node.create.end NodeCRUDPayload 1.14", "OK baremetal.node.create.end NodeCRUDPayload 1.14"], validate.OutputLines);
    }

    [Fact]
    public void Writes_the_format_and_the_older_version_asked()
    {
        var fixture = OpenStackFixtures.PathOf("ironic", "baremetal.port.update.end");

        var run = VnotifyStreams.Run(RepositoryLayout.Root, "normalize", "--format", "v2", "--target-version", "1.3", fixture);

        Assert.True(run.ExitCode == 0, run.ToString());
        var normalized = Decode(run.Output);
        Assert.Equal(MessageFormat.MessagingV2, normalized.Format);
        Assert.NotNull(normalized.Notification.Header.UniqueId);
        var port = Assert.IsType<Notification<PortCRUDPayload>>(normalized.Notification).Payload;
        Assert.Equal("1.3", port.WireState?.Version);
        Assert.Equal(["name"], port.WireState?.AbsentFields);
        Assert.Equal("physnet1", port.PhysicalNetwork);
    }

    [Theory]
    [InlineData(false, "hunter2")]
    [InlineData(true, "******")]
    public void Masks_secrets_only_when_asked(bool mask, string password)
    {
        using var folder = new TemporaryFolder("normalize");
        var envelope = OpenStackFixtures.Load("ironic", "baremetal.node.create.end");
        envelope["payload"]!["ironic_object.data"]!["driver_info"]!["ipmi_password"] = "hunter2";
        var file = folder.Write("clear.json", envelope.ToJsonString());

        var run = VnotifyStreams.Run(folder.Path, mask ? ["normalize", "--mask", file] : ["normalize", file]);

        Assert.True(run.ExitCode == 0, run.ToString());
        var node = Assert.IsType<Notification<NodeCRUDPayload>>(Decode(run.Output).Notification).Payload;
        Assert.Equal(password, node.DriverInfo?["ipmi_password"]?.GetValue<string>());
    }

    [Fact]
    public void A_message_validate_fails_is_not_written_and_its_fail_line_goes_to_standard_error()
    {
        using var folder = new TemporaryFolder("normalize");
        var envelope = OpenStackFixtures.Load("ironic", "baremetal.node.create.end");
        envelope["payload"]!["ironic_object.data"]!["maintenance"] = "no";
        var file = folder.Write("broken.json", envelope.ToJsonString());

        var run = VnotifyStreams.Run(folder.Path, "normalize", file);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Empty(run.Output);
        Assert.Equal($"FAIL {file}: $.payload['ironic_object.data'].maintenance: expected true or false, found the string \"no\"" + Environment.NewLine, run.Error);
    }

    [Fact]
    public void A_bare_payload_has_no_format_to_write_in()
    {
        using var folder = new TemporaryFolder("normalize");
        var payload = folder.Write("payload.json", OpenStackFixtures.Load("ironic", "baremetal.node.create.end")["payload"]!.ToJsonString());

        var run = VnotifyStreams.Run(folder.Path, "normalize", "--format", "v2", payload);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Empty(run.Output);
        Assert.Contains("a bare payload has no envelope to write as v1 or v2; leave out --format", run.Error);
    }

    private static DecodedNotification Decode(ReadOnlyMemory<byte> message) => Reader.Read(message) switch
    {
        DecodedNotification decoded => decoded,
        var other => throw new Xunit.Sdk.XunitException("not decoded: " + other),
    };
}
