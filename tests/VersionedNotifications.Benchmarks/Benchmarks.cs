using System.Buffers;
using BenchmarkDotNet.Attributes;
using VersionedNotifications.OpenStack.Ironic;
using VersionedNotifications.Wire;

namespace VersionedNotifications.Benchmarks;

/// <summary>Writing the sample message as an oslo v2 body.</summary>
[MemoryDiagnoser]
public class SerializeBenchmarks
{
    private readonly SampleMessage _sample = new();
    private readonly ArrayBufferWriter<byte> _buffer = new(8192);
    private readonly HandWrittenWriter _handWritten = new();

    [Benchmark(Baseline = true, Description = "generated converters")]
    public int Generated()
    {
        _buffer.ResetWrittenCount();
        NotificationWriter.Write(_buffer, _sample.Notification);
        return _buffer.WrittenCount;
    }

    [Benchmark(Description = "hand-written Utf8JsonWriter")]
    public int HandWritten()
    {
        _buffer.ResetWrittenCount();
        _handWritten.Write(_buffer, _sample.Notification);
        return _buffer.WrittenCount;
    }

    [Benchmark(Description = "reflection System.Text.Json")]
    public int Reflection()
    {
        _buffer.ResetWrittenCount();
        SampleMessage.WriteReflection(_buffer, _sample.Plain);
        return _buffer.WrittenCount;
    }
}

/// <summary>Reading the v2 body into the typed envelope and payload.</summary>
[MemoryDiagnoser]
public class DeserializeBenchmarks
{
    private readonly SampleMessage _sample = new();

    [Benchmark(Baseline = true, Description = "NotificationReader (generated)")]
    public object Generated() => ((DecodedNotification)_sample.Reader.Read(_sample.Body)).Notification;

    [Benchmark(Description = "reflection System.Text.Json")]
    public object Reflection() => SampleMessage.ReadReflection(_sample.Body);

    [Benchmark(Description = "unknown event type (raw kept)")]
    public object UnknownEventType() => _sample.Reader.Read(_sample.UnknownBody);
}

/// <summary>Writing NodePayload at an older minor.</summary>
[MemoryDiagnoser]
public class BackportBenchmarks
{
    private readonly Notification<NodePayload> _node;
    private readonly ArrayBufferWriter<byte> _buffer = new(8192);

    public BackportBenchmarks()
    {
        var sample = new SampleMessage();
        var payload = sample.Notification.Payload;
        _node = Notification.Create(sample.Notification.Header with { EventType = "baremetal.node.maintenance_set.start" }, (NodePayload)payload);
    }

    [Benchmark(Baseline = true, Description = "current 1.16")]
    public int Current()
    {
        _buffer.ResetWrittenCount();
        NotificationWriter.Write(_buffer, _node);
        return _buffer.WrittenCount;
    }

    [Benchmark(Description = "backport to 1.12")]
    public int Backport()
    {
        _buffer.ResetWrittenCount();
        NotificationWriter.Write(_buffer, _node, MessageFormat.MessagingV2, SampleMessage.Backport);
        return _buffer.WrittenCount;
    }
}
