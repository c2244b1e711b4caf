using System.Diagnostics.Metrics;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using VersionedNotifications.Drivers;
using VersionedNotifications.OpenStack;
using VersionedNotifications.OpenStack.Ironic;
using VersionedNotifications.Wire;
using GlanceEvents = VersionedNotifications.OpenStack.Glance.EventTypes;
using IronicEvents = VersionedNotifications.OpenStack.Ironic.EventTypes;

namespace VersionedNotifications.Tests.Runtime;

/// <summary>The notifier: level, topics, publisher id, disabled event types, masking once, several drivers, failures never thrown.</summary>
public sealed class NotifierTests
{
    private static NotifierOptions Options(NotificationLevel level = NotificationLevel.Info) => new()
    {
        Level = level,
        Topics = ["ironic_versioned_notifications"],
        Service = "ironic-conductor",
        Host = "node-1",
        Retry = NotificationRetryPolicy.None,
    };

    [Fact]
    public async Task A_typed_emit_reaches_the_driver_with_the_event_type_s_priority_and_the_publisher_id()
    {
        var capture = new CaptureNotificationDriver(OpenStackJsonContext.Default);
        using var notifier = new Notifier(Options(), [capture]);
        var payload = RuntimePayloads.PowerSetStart();

        await notifier.EmitAsync(IronicEvents.Baremetal.Node.PowerSet.Start, payload);

        var sent = Assert.Single(capture.Captured);
        Assert.Equal(["ironic_versioned_notifications"], sent.Topics);
        Assert.Equal(NotificationPriority.Info, sent.Priority);
        Assert.Equal("ironic-conductor.node-1", sent.PublisherId);
        var read = Assert.Single(capture.OfType(IronicEvents.Baremetal.Node.PowerSet.Start));
        Assert.Equal(payload.Uuid, read.Payload.Uuid);
        Assert.Equal("power on", read.Payload.ToPower);
        Assert.Equal(sent.MessageId, read.Header.MessageId);
        Assert.Equal(1, notifier.Statistics.Emitted);
    }

    [Fact]
    public async Task Only_the_request_context_keys_oslo_s_notifier_passes_on_reach_the_bus()
    {
        var capture = new CaptureNotificationDriver(OpenStackJsonContext.Default);
        using var notifier = new Notifier(Options(), [capture]);
        var context = new Dictionary<string, System.Text.Json.JsonElement>
        {
            ["auth_token"] = System.Text.Json.JsonSerializer.SerializeToElement("gAAAAAB-secret"),
            ["user_id"] = System.Text.Json.JsonSerializer.SerializeToElement("u1"),
            ["service_catalog"] = System.Text.Json.JsonSerializer.SerializeToElement(new[] { "nova" }),
            ["request_id"] = System.Text.Json.JsonSerializer.SerializeToElement("req-1"),
        };
        var header = NotificationHeader.New("baremetal.node.power_set.start", NotificationPriority.Info, "ironic-conductor.node-1") with { Context = context };

        await notifier.EmitAsync(Notification.Create(header, RuntimePayloads.PowerSetStart()));

        // oslo.messaging's _sanitize_context keeps the identity, project, request ids and roles, in the order given.
        var envelope = Encoding.UTF8.GetString(Assert.Single(capture.Captured).Envelope.Span);
        Assert.Contains("\"_context_user_id\": \"u1\", \"_context_request_id\": \"req-1\"}", envelope, StringComparison.Ordinal);
        Assert.DoesNotContain("auth_token", envelope, StringComparison.Ordinal);
        Assert.DoesNotContain("service_catalog", envelope, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_error_status_is_emitted_at_error()
    {
        var capture = new CaptureNotificationDriver();
        using var notifier = new Notifier(Options(NotificationLevel.Error), [capture]);

        await notifier.EmitAsync(IronicEvents.Baremetal.Node.PowerSet.Start, RuntimePayloads.PowerSetStart());
        await notifier.EmitAsync(IronicEvents.Baremetal.Node.PowerSet.Error, RuntimePayloads.PowerSetStart());

        Assert.Equal([NotificationPriority.Error], capture.Captured.Select(n => n.Priority));
        Assert.Equal(1, notifier.Statistics.Filtered);
    }

    [Fact]
    public async Task Unset_level_emits_nothing_and_never_builds_the_payload()
    {
        var capture = new CaptureNotificationDriver();
        using var notifier = new Notifier(new NotifierOptions(), [capture]);
        var built = 0;

        await notifier.EmitAsync(IronicEvents.Baremetal.Node.PowerSet.Error, () =>
        {
            built++;
            return RuntimePayloads.PowerSetStart();
        });

        Assert.Equal(0, built);
        Assert.Empty(capture.Captured);
        Assert.Equal(1, notifier.Statistics.Filtered);
        Assert.False(notifier.IsEnabled("baremetal.node.power_set.error", NotificationPriority.Critical));
    }

    [Fact]
    public async Task The_lazy_payload_is_built_once_when_the_level_lets_it_through()
    {
        var capture = new CaptureNotificationDriver();
        using var notifier = new Notifier(Options(NotificationLevel.Warning), [capture]);
        var built = 0;
        NodeSetPowerStatePayload Build()
        {
            built++;
            return RuntimePayloads.PowerSetStart();
        }

        await notifier.EmitAsync(IronicEvents.Baremetal.Node.PowerSet.Start, Build);
        await notifier.EmitAsync(IronicEvents.Baremetal.Node.PowerSet.Error, Build);

        Assert.Equal(1, built);
        Assert.Single(capture.Captured);
    }

    [Theory]
    [InlineData("baremetal.node.power_set.start", 1)]
    [InlineData("baremetal.node", 2)]
    [InlineData("baremetal.*.power_set.*", 2)]
    [InlineData("*.error", 1)]
    [InlineData("baremetal.port", 0)]
    public async Task Disabled_event_types_are_left_out(string pattern, int leftOut)
    {
        var capture = new CaptureNotificationDriver();
        var options = Options();
        options.DisabledEventTypes = [pattern];
        using var notifier = new Notifier(options, [capture]);

        await notifier.EmitAsync(IronicEvents.Baremetal.Node.PowerSet.Start, RuntimePayloads.PowerSetStart());
        await notifier.EmitAsync(IronicEvents.Baremetal.Node.PowerSet.Error, RuntimePayloads.PowerSetStart());

        Assert.Equal(2 - leftOut, capture.Captured.Count);
        Assert.Equal(leftOut, notifier.Statistics.Filtered);
    }

    [Fact]
    public async Task Secrets_are_masked_before_any_driver_sees_the_message()
    {
        var first = new CaptureNotificationDriver();
        var second = new ScriptedDriver("second");
        using var notifier = new Notifier(Options(), [first, second]);
        var payload = RuntimePayloads.NodeWithSecrets();

        await notifier.EmitAsync(IronicEvents.Baremetal.Node.Update.End, payload);

        var sent = Assert.Single(first.Captured);
        Assert.Same(sent, Assert.Single(second.Received));
        var text = Encoding.UTF8.GetString(sent.Envelope.Span) + Encoding.UTF8.GetString(sent.ToMessagingV2());
        Assert.DoesNotContain("hunter2", text);
        Assert.DoesNotContain("\"abc\"", text);
        var data = JsonNode.Parse(sent.Envelope.Span)!["payload"]!["ironic_object.data"]!;
        Assert.Equal("******", data["driver_info"]!["ipmi_password"]!.GetValue<string>());
        Assert.Equal("admin", data["driver_info"]!["ipmi_username"]!.GetValue<string>());
        Assert.Equal("hunter2", payload.DriverInfo!["ipmi_password"]!.GetValue<string>());
    }

    [Fact]
    public async Task Masking_can_be_turned_off()
    {
        var capture = new CaptureNotificationDriver();
        var options = Options();
        options.MaskSecrets = false;
        using var notifier = new Notifier(options, [capture]);

        await notifier.EmitAsync(IronicEvents.Baremetal.Node.Update.End, RuntimePayloads.NodeWithSecrets());

        Assert.Contains("hunter2", Encoding.UTF8.GetString(Assert.Single(capture.Captured).Envelope.Span));
    }

    [Fact]
    public async Task A_failing_driver_is_logged_and_counted_never_thrown_and_the_others_still_get_the_message()
    {
        var broken = new ScriptedDriver("broken", failures: int.MaxValue);
        var working = new ScriptedDriver("working");
        using var notifier = new Notifier(Options(), [broken, working]);

        await notifier.EmitAsync(IronicEvents.Baremetal.Node.PowerSet.Start, RuntimePayloads.PowerSetStart());

        Assert.Single(working.Received);
        Assert.Equal(1, broken.Attempts);
        Assert.Equal(1, notifier.Statistics.Failed);
        Assert.Equal(0, notifier.Statistics.Emitted);
    }

    [Fact]
    public async Task N_retries_make_N_plus_one_attempts()
    {
        var broken = new ScriptedDriver("broken", failures: int.MaxValue);
        var options = Options();
        options.Retry = NotificationRetryPolicy.Times(3) with { InitialDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(2) };
        using var notifier = new Notifier(options, [broken]);

        await notifier.EmitAsync(IronicEvents.Baremetal.Node.PowerSet.Start, RuntimePayloads.PowerSetStart());

        Assert.Equal(4, broken.Attempts);
        Assert.Equal(3, notifier.Statistics.Retried);
        Assert.Equal(1, notifier.Statistics.Failed);
    }

    [Fact]
    public async Task Retrying_forever_delivers_once_the_driver_recovers()
    {
        var flaky = new ScriptedDriver("flaky", failures: 5);
        var options = Options();
        options.Retry = NotificationRetryPolicy.Forever with { InitialDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(2) };
        using var notifier = new Notifier(options, [flaky]);

        await notifier.EmitAsync(IronicEvents.Baremetal.Node.PowerSet.Start, RuntimePayloads.PowerSetStart());

        Assert.Single(flaky.Received);
        Assert.Equal(6, flaky.Attempts);
        Assert.Equal(1, notifier.Statistics.Emitted);
        Assert.Equal(0, notifier.Statistics.Failed);
    }

    [Fact]
    public async Task A_driver_that_refused_for_good_costs_one_log_line_not_one_per_notification()
    {
        var logs = new RecordingLoggerFactory();
        var refusing = new RefusingDriver();
        var options = Options();
        options.Retry = NotificationRetryPolicy.Forever;
        using var notifier = new Notifier(options, [refusing], logs.CreateLogger<Notifier>());

        for (var i = 0; i < 25; i++)
        {
            await notifier.EmitAsync(IronicEvents.Baremetal.Node.PowerSet.Start, RuntimePayloads.PowerSetStart());
        }

        // Each is failed and counted, none tried again; the driver's own Error named the setting, so the notifier
        // says once a minute that it goes on refusing.
        Assert.Equal(25, refusing.Attempts);
        Assert.Equal(25, notifier.Statistics.Failed);
        Assert.Equal(0, notifier.Statistics.Retried);
        var line = Assert.Single(logs.Entries);
        Assert.Equal(LogLevel.Error, line.Level);
        Assert.Contains("the vhost is gone", line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_caller_s_cancellation_ends_an_endless_retry()
    {
        var broken = new ScriptedDriver("broken", failures: int.MaxValue);
        var options = Options();
        options.Retry = NotificationRetryPolicy.Forever with { InitialDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) };
        using var notifier = new Notifier(options, [broken]);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => notifier.EmitAsync(IronicEvents.Baremetal.Node.PowerSet.Start, RuntimePayloads.PowerSetStart(), cancel.Token).AsTask());
        Assert.True(broken.Attempts > 1);
    }

    [Fact]
    public async Task A_payload_factory_that_throws_is_counted_not_thrown()
    {
        var capture = new CaptureNotificationDriver();
        using var notifier = new Notifier(Options(), [capture]);

        await notifier.EmitAsync<NodeSetPowerStatePayload>(IronicEvents.Baremetal.Node.PowerSet.Start, () => throw new InvalidOperationException("no node"));

        Assert.Empty(capture.Captured);
        Assert.Equal(1, notifier.Statistics.Failed);
    }

    [Fact]
    public async Task Glance_text_messages_go_at_their_text_priorities_only()
    {
        var capture = new CaptureNotificationDriver(OpenStackJsonContext.Default);
        using var notifier = new Notifier(Options(), [capture]);

        await notifier.EmitTextAsync(GlanceEvents.Image.Upload, NotificationPriority.Error, "Failed to upload image data");

        var read = Assert.IsType<DecodedNotification>(Assert.Single(capture.Read()));
        Assert.Equal("Failed to upload image data", Assert.IsType<Notification<string>>(read.Notification).Payload);
        Assert.Equal(NotificationPriority.Error, read.Notification.Priority);
        var error = await Assert.ThrowsAsync<ArgumentException>(() => notifier.EmitTextAsync(GlanceEvents.Image.Upload, NotificationPriority.Info, "x").AsTask());
        Assert.Contains("image.upload carries no text message at INFO", error.Message);
    }

    [Fact]
    public async Task A_prebuilt_notification_keeps_its_header_and_passes_the_same_filters()
    {
        var capture = new CaptureNotificationDriver(OpenStackJsonContext.Default);
        using var notifier = new Notifier(Options(NotificationLevel.Error), [capture]);
        var header = NotificationHeader.New(IronicEvents.Baremetal.Node.PowerSet.Start.Name, NotificationPriority.Info, "ironic-conductor.other") with
        {
            Context = new Dictionary<string, System.Text.Json.JsonElement> { ["request_id"] = System.Text.Json.JsonDocument.Parse("\"req-1\"").RootElement },
        };

        await notifier.EmitAsync(Notification.Create(header, RuntimePayloads.PowerSetStart()));
        await notifier.EmitAsync(Notification.Create(header with { Priority = NotificationPriority.Error }, RuntimePayloads.PowerSetStart()));

        var read = Assert.IsType<DecodedNotification>(Assert.Single(capture.Read()));
        Assert.Equal("ironic-conductor.other", read.Notification.Header.PublisherId);
        Assert.Equal("req-1", read.Notification.Header.Context["request_id"].GetString());
    }

    [Fact]
    public void Bad_options_are_refused_with_every_problem_named()
    {
        var options = new NotifierOptions
        {
            Topics = ["ok", "", "has space"],
            DisabledEventTypes = ["image", " "],
            PublisherId = " ",
            Retry = null!,
        };

        var error = Assert.Throws<ArgumentException>(() => new Notifier(options, []));

        Assert.Contains("Topics[1]: a topic cannot be empty", error.Message);
        Assert.Contains("Topics[2]: 'has space' has ' '", error.Message);
        Assert.Contains("DisabledEventTypes[1]: a pattern cannot be empty", error.Message);
        Assert.Contains("PublisherId: cannot be empty", error.Message);
        Assert.Contains("Retry: a policy is needed", error.Message);
    }

    [Fact]
    public async Task No_driver_means_noop()
    {
        using var notifier = new Notifier(Options(), []);

        await notifier.EmitAsync(IronicEvents.Baremetal.Node.PowerSet.Start, RuntimePayloads.PowerSetStart());

        Assert.Equal(NoopNotificationDriver.DriverName, Assert.Single(notifier.Drivers).Name);
        Assert.Equal(1, notifier.Statistics.Emitted);
    }

    [Fact]
    public async Task The_counts_are_published_on_the_VersionedNotifications_meter()
    {
        using var meters = new TestMeterFactory();
        using var notifier = new Notifier(Options(), [new ScriptedDriver("broken", int.MaxValue)], meterFactory: meters);
        await notifier.EmitAsync(IronicEvents.Baremetal.Node.PowerSet.Start, RuntimePayloads.PowerSetStart());
        await notifier.EmitAsync(IronicEvents.Baremetal.Node.PowerSet.Start, () => throw new InvalidOperationException());
        var seen = new Dictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (meters.Created.Contains(instrument.Meter))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => seen[instrument.Name] = value);
        listener.Start();

        listener.RecordObservableInstruments();

        Assert.Equal(NotifierMetrics.MeterName, Assert.Single(meters.Created).Name);
        Assert.Equal(2, seen[NotifierMetrics.Failed]);
        Assert.Equal(0, seen[NotifierMetrics.Emitted]);
    }

    private sealed class RefusingDriver : INotificationDriver
    {
        public string Name => "refusing";

        public int Attempts { get; private set; }

        public ValueTask SendAsync(OutgoingNotification notification, CancellationToken cancellationToken)
        {
            Attempts++;
            throw new NotificationRefusedException("the vhost is gone");
        }
    }

    private sealed class TestMeterFactory : IMeterFactory
    {
        public List<Meter> Created { get; } = new();

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(options);
            Created.Add(meter);
            return meter;
        }

        public void Dispose()
        {
            foreach (var meter in Created)
            {
                meter.Dispose();
            }
        }
    }
}
