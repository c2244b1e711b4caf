using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using VersionedNotifications.Wire;

namespace VersionedNotifications.Tool.Commands.Messages;

/// <summary>A captured message read into its typed payload, and the way to write it again.</summary>
internal abstract class DecodedMessage
{
    private protected DecodedMessage(object payload, PayloadContract? contract)
    {
        Payload = payload;
        Contract = contract;
    }

    /// <summary>The <c>event_type</c> as the message says it; <c>-</c> for a bare payload.</summary>
    public abstract string EventType { get; }

    /// <summary>The form the message came in; <see langword="null"/> for a bare payload.</summary>
    public abstract MessageFormat? Format { get; }

    /// <summary>The payload: a generated record, or a <see cref="string"/> for a text payload.</summary>
    public object Payload { get; }

    /// <summary>The generated record's name; <c>text</c> for a text payload.</summary>
    public string PayloadTypeName => Contract is null ? EventTypeInfo.TextPayloadName : Payload.GetType().Name;

    /// <summary>The version the payload was sent at (the definition's, for unversioned payloads); <c>-</c> for text.</summary>
    public string Version => Contract is null ? "-" : WireState?.Version ?? Contract.ObjectInfo.Version;

    /// <summary>
    /// The options that write back what was read: secrets as they came (captures are masked already);
    /// each object's <c>&lt;ns&gt;_object.changes</c> comes back as it was read, or not at all.
    /// </summary>
    public static PayloadWriteOptions FaithfulOptions { get; } = new() { MaskSecrets = false };

    /// <summary>The contract that read the payload; <see langword="null"/> for a text payload.</summary>
    private protected PayloadContract? Contract { get; }

    private PayloadWireState? WireState => (Payload as INotificationPayload)?.WireState;

    /// <summary>The writer's refusal of <see cref="PayloadWriteOptions.TargetVersion"/>, as a usage error.</summary>
    private protected static UsageException BackportRefused(ArgumentException refusal)
    {
        var message = refusal.ParamName is null ? refusal.Message : refusal.Message.Replace($" (Parameter '{refusal.ParamName}')", string.Empty, StringComparison.Ordinal);
        return new UsageException("--target-version: " + message);
    }

    /// <summary>The message written through the contracts, in <paramref name="format"/> or else the form it came in.</summary>
    /// <exception cref="UsageException">The options ask for what this message cannot be written as.</exception>
    public abstract byte[] Write(PayloadWriteOptions options, MessageFormat? format = null);
}

/// <summary>A notification read from an oslo v2 body or a bare v1 envelope.</summary>
internal sealed class DecodedEnvelope : DecodedMessage
{
    private readonly Notification _notification;
    private readonly MessageFormat _format;

    public DecodedEnvelope(Notification notification, MessageFormat format, PayloadContract? contract)
        : base(notification.PayloadValue, contract)
    {
        _notification = notification;
        _format = format;
    }

    public override string EventType => _notification.Header.EventType;

    public override MessageFormat? Format => _format;

    public override byte[] Write(PayloadWriteOptions options, MessageFormat? format = null)
    {
        try
        {
            return NotificationWriter.Write(_notification, format ?? _format, options);
        }
        catch (ArgumentException e)
        {
            throw BackportRefused(e);
        }
    }
}

/// <summary>A payload captured without its envelope.</summary>
internal sealed class DecodedPayload : DecodedMessage
{
    // The writer escapes as NotificationWriter does, so a bare payload reads as it would inside an envelope.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public DecodedPayload(object payload, PayloadContract? contract)
        : base(payload, contract)
    {
    }

    public override string EventType => "-";

    public override MessageFormat? Format => null;

    public override byte[] Write(PayloadWriteOptions options, MessageFormat? format = null)
    {
        if (format is not null)
        {
            throw new UsageException("a bare payload has no envelope to write as v1 or v2; leave out --format");
        }

        var buffer = new ArrayBufferWriter<byte>(2048);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            try
            {
                if (Contract is null)
                {
                    writer.WriteStringValue((string)Payload);
                }
                else
                {
                    Contract.Write(writer, Payload, options);
                }
            }
            catch (ArgumentException e)
            {
                throw BackportRefused(e);
            }
        }

        return buffer.WrittenSpan.ToArray();
    }
}
