using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Unicode;
using VersionedNotifications.Wire;

namespace VersionedNotifications;

/// <summary>
/// Reads notification bytes in any wire form (oslo v2 body, bare v1 envelope) into the typed payload
/// the contracts declare for the event type. It never throws on input: malformed bytes, wrong types,
/// unknown event types and unsupported versions come back as results that keep the bytes.
/// </summary>
public sealed class NotificationReader
{
    private const string OsloMessagePath = "$['oslo.message']";

    private readonly Dictionary<string, EventTypeInfo> _eventTypes = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, PayloadContract> _payloadsByType = new();
    private readonly Dictionary<(string Namespace, string Name), PayloadContract> _payloadsByName = new();
    private readonly JsonReaderOptions _readerOptions;
    private readonly Func<string, PayloadContract?> _objectContractOf;

    /// <summary>A reader of the notifications <paramref name="contracts"/> declare, with the default limits.</summary>
    public NotificationReader(params INotificationContracts[] contracts)
        : this(NotificationReaderOptions.Default, contracts)
    {
    }

    /// <summary>A reader of the notifications <paramref name="contracts"/> declare.</summary>
    /// <exception cref="ArgumentException">Two contracts declare the same event type.</exception>
    public NotificationReader(NotificationReaderOptions options, params INotificationContracts[] contracts)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(contracts);
        Options = options;
        _readerOptions = new JsonReaderOptions { MaxDepth = options.MaxDepth };
        _objectContractOf = ObjectContractOf;
        foreach (var contract in contracts)
        {
            foreach (var payload in contract.Payloads)
            {
                _payloadsByType.TryAdd(payload.PayloadType, payload);
                _payloadsByName.TryAdd((payload.ObjectInfo.Namespace, payload.ObjectInfo.Name), payload);
            }

            foreach (var eventType in contract.EventTypes)
            {
                Register(eventType.Name, eventType);
                foreach (var alias in eventType.Aliases)
                {
                    Register(alias, eventType);
                }
            }
        }
    }

    /// <summary>The limits.</summary>
    public NotificationReaderOptions Options { get; }

    /// <summary>Finds an event type by its wire name or an alias.</summary>
    public bool TryGetEventType(string name, out EventTypeInfo eventType) => _eventTypes.TryGetValue(name, out eventType!);

    /// <summary>Finds the contract of a payload object by its wire namespace and name.</summary>
    public PayloadContract? FindPayload(string wireNamespace, string name) => _payloadsByName.GetValueOrDefault((wireNamespace, name));

    /// <summary>Finds the contract of a payload type.</summary>
    public PayloadContract? FindPayloadFor(Type payloadType) => _payloadsByType.GetValueOrDefault(payloadType);

    /// <summary>Reads one message.</summary>
    public NotificationReadResult Read(ReadOnlyMemory<byte> message)
    {
        if (message.Length > Options.MaxMessageBytes)
        {
            return new MalformedNotification(message, null, "$", $"the message is {message.Length} bytes, more than the limit of {Options.MaxMessageBytes}", null);
        }

        MessageFormat format = MessageFormat.MessagingV1;
        var pathPrefix = string.Empty;
        // A value on the stack: the read changes it (its message id), and the error report reads it.
        var envelopeReader = new EnvelopeReader(_readerOptions, _objectContractOf);
        byte[]? unwrapped = null;
        using var budget = ReadMemoryBudget.Begin(ReadMemoryBudget.LimitFor(Options, message.Length));
        try
        {
            if (!Utf8.IsValid(message.Span))
            {
                return new MalformedNotification(message, null, "$", "the message is not valid UTF-8", null);
            }

            var body = WithoutByteOrderMark(message);
            ReadOnlyMemory<byte> envelopeBytes;
            if (MessagingV2Body.TryUnwrap(body.Span, out unwrapped, out var innerLength))
            {
                // The body as oslo writes it; its only bare words are its two keys, so the stand-ins concern the inner message alone.
                format = MessageFormat.MessagingV2;
                envelopeBytes = PythonFloatLiterals.ToStandIns(unwrapped!.AsMemory(0, innerLength));
                pathPrefix = OsloMessagePath;
            }
            else
            {
                envelopeBytes = PythonFloatLiterals.ToStandIns(body);
                if (IsMessagingV2(envelopeBytes.Span))
                {
                    format = MessageFormat.MessagingV2;
                    envelopeBytes = PythonFloatLiterals.ToStandIns(UnwrapMessagingV2(envelopeBytes.Span, out unwrapped));
                    pathPrefix = OsloMessagePath;
                }
            }

            var envelope = envelopeReader.Read(envelopeBytes.Span);
            return ReadEnvelopePayload(message, format, pathPrefix, envelope, envelopeBytes);
        }
        catch (JsonException error)
        {
            var wireError = WireFormatException.From(error);
            return new MalformedNotification(message, format, Join(pathPrefix, wireError.JsonPath), wireError.Reason, envelopeReader.MessageId);
        }
        finally
        {
            // Nothing a result holds points into the inner message: every value read from it is a copy.
            if (unwrapped is not null)
            {
                ArrayPool<byte>.Shared.Return(unwrapped);
            }
        }
    }

    /// <summary>
    /// Reads a bare payload, without an envelope. A versioned payload names its object; an unversioned
    /// one is read as the payload of <paramref name="eventType"/>, which it then needs.
    /// </summary>
    public PayloadReadResult ReadPayload(ReadOnlyMemory<byte> payload, EventTypeInfo? eventType = null)
    {
        if (payload.Length > Options.MaxMessageBytes)
        {
            return PayloadReadResult.Failed("$", $"the payload is {payload.Length} bytes, more than the limit of {Options.MaxMessageBytes}", false);
        }

        if (!Utf8.IsValid(payload.Span))
        {
            return PayloadReadResult.Failed("$", "the payload is not valid UTF-8", false);
        }

        using var budget = ReadMemoryBudget.Begin(ReadMemoryBudget.LimitFor(Options, payload.Length));
        try
        {
            payload = PythonFloatLiterals.ToStandIns(WithoutByteOrderMark(payload));
            var reader = new Utf8JsonReader(payload.Span, _readerOptions);
            reader.Read();
            if (reader.TokenType == JsonTokenType.String)
            {
                return PayloadReadResult.Text(WireValue.ReadString(ref reader));
            }

            var contract = eventType is not null && _payloadsByType.TryGetValue(eventType.PayloadType, out var declared) ? declared : FindNamedPayload(payload.Span);
            if (contract is null)
            {
                return PayloadReadResult.Failed("$", eventType is null
                    ? "the payload names no known versioned object; give the event type to read an unversioned payload"
                    : $"no contract reads the payload of {eventType.Name}", isUnsupported: true);
            }

            var value = contract.Read(ref reader);
            EnsureEnd(ref reader);
            return PayloadReadResult.Decoded(contract, value);
        }
        catch (JsonException error)
        {
            var wireError = WireFormatException.From(error);
            return PayloadReadResult.Failed(wireError.JsonPath, wireError.Reason, wireError.IsUnsupported);
        }
    }

    private NotificationReadResult ReadEnvelopePayload(ReadOnlyMemory<byte> message, MessageFormat format, string pathPrefix, EnvelopeReader.Envelope envelope, ReadOnlyMemory<byte> envelopeBytes)
    {
        var header = envelope.Header;
        var payloadBytes = envelopeBytes.Slice(envelope.PayloadStart, envelope.PayloadLength);
        if (!_eventTypes.TryGetValue(header.EventType, out var eventType))
        {
            return new UnsupportedNotification(message, format, header, ParseElement(payloadBytes), UnsupportedReason.UnknownEventType, Join(pathPrefix, "$.event_type"), $"no contract declares the event type '{EchoedText.Of(header.EventType)}'");
        }

        var payloadPath = Join(pathPrefix, "$.payload");
        if (envelope.PayloadContract is { } readWith)
        {
            // Read in the envelope's pass (event_type came first).
            return envelope.PayloadError is { } readError
                ? PayloadFailure(message, format, header, payloadBytes, payloadPath, readError)
                : new DecodedNotification(message, format, readWith.CreateNotification(header, envelope.Payload!), eventType, readWith);
        }

        var reader = new Utf8JsonReader(payloadBytes.Span, _readerOptions);
        reader.Read();
        var isTextPriority = eventType.PayloadName == EventTypeInfo.TextPayloadName || Contains(eventType.TextPriorities, header.Priority);
        if (reader.TokenType == JsonTokenType.String && isTextPriority)
        {
            return new DecodedNotification(message, format, Notification.CreateText(header, WireValue.ReadString(ref reader)), eventType, null);
        }

        if (eventType.PayloadName == EventTypeInfo.TextPayloadName || reader.TokenType == JsonTokenType.String || !_payloadsByType.TryGetValue(eventType.PayloadType, out var contract))
        {
            var expected = eventType.PayloadName == EventTypeInfo.TextPayloadName ? "a text message" : "the " + eventType.PayloadName + " object";
            return new MalformedNotification(message, format, payloadPath, $"{EchoedText.Of(header.EventType)} at {PriorityNames.ToWire(header.Priority)} carries {expected}, found {WireValue.Describe(ref reader)}", header.MessageId);
        }

        try
        {
            var payload = contract.Read(ref reader);
            return new DecodedNotification(message, format, contract.CreateNotification(header, payload), eventType, contract);
        }
        catch (JsonException error)
        {
            return PayloadFailure(message, format, header, payloadBytes, payloadPath, error);
        }
    }

    /// <summary>The result for a payload its contract could not read: unsupported (another object or major version), or malformed.</summary>
    private NotificationReadResult PayloadFailure(ReadOnlyMemory<byte> message, MessageFormat format, NotificationHeader header, ReadOnlyMemory<byte> payloadBytes, string payloadPath, JsonException error)
    {
        var wireError = WireFormatException.From(error);
        return wireError.IsUnsupported
            ? new UnsupportedNotification(message, format, header, ParseElement(payloadBytes), UnsupportedReason.UnsupportedPayload, Join(payloadPath, wireError.JsonPath), wireError.Reason)
            : new MalformedNotification(message, format, Join(payloadPath, wireError.JsonPath), wireError.Reason, header.MessageId);
    }

    /// <summary>The contract that reads the object payload of <paramref name="eventType"/>; null for an unknown event type or a text payload.</summary>
    private PayloadContract? ObjectContractOf(string eventType) =>
        _eventTypes.TryGetValue(eventType, out var info) && info.PayloadName != EventTypeInfo.TextPayloadName
            ? _payloadsByType.GetValueOrDefault(info.PayloadType)
            : null;

    private PayloadContract? FindNamedPayload(ReadOnlySpan<byte> payload)
    {
        // A versioned payload names itself: <ns>_object.name and <ns>_object.namespace.
        var reader = new Utf8JsonReader(payload, _readerOptions);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        string? name = null, wireNamespace = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = WireValue.ReadPropertyName(ref reader);
            reader.Read();
            if (key.EndsWith("_object.name", StringComparison.Ordinal) && reader.TokenType == JsonTokenType.String)
            {
                name = WireValue.ReadString(ref reader);
            }
            else if (key.EndsWith("_object.namespace", StringComparison.Ordinal) && reader.TokenType == JsonTokenType.String)
            {
                wireNamespace = WireValue.ReadString(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }

        return name is null || wireNamespace is null ? null : FindPayload(wireNamespace, name);
    }

    /// <summary>
    /// The bytes after a UTF-8 byte order mark, if they start with one: Python's <c>json.loads</c> accepts it
    /// on bytes, which is how a body arrives. (On the text of <c>oslo.message</c> it refuses it, and so do we.)
    /// </summary>
    private static ReadOnlyMemory<byte> WithoutByteOrderMark(ReadOnlyMemory<byte> bytes) =>
        bytes.Span.StartsWith("\uFEFF"u8) ? bytes[3..] : bytes;

    private static bool IsMessagingV2(ReadOnlySpan<byte> message)
    {
        var reader = new Utf8JsonReader(message, new JsonReaderOptions { MaxDepth = 256 });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!WireValue.IsOnUndecodableName(ref reader) && reader.ValueTextEquals("oslo.message"u8))
            {
                return true;
            }

            reader.Read();
            reader.Skip();
        }

        return false;
    }

    // The inner message's bytes are in rented, an array of the shared pool the caller returns.
    private ReadOnlyMemory<byte> UnwrapMessagingV2(ReadOnlySpan<byte> message, out byte[]? rented)
    {
        rented = null;
        var reader = new Utf8JsonReader(message, _readerOptions);
        reader.Read();
        ReadOnlyMemory<byte>? inner = null;
        string? version = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var key = WireValue.ReadPropertyName(ref reader);
            reader.Read();
            try
            {
                switch (key)
                {
                    case "oslo.message":
                        WireValue.Expect(ref reader, JsonTokenType.String, "the envelope as a JSON string");
                        if (rented is not null)
                        {
                            // A second oslo.message replaces the first; its array goes back now, and only once.
                            ArrayPool<byte>.Shared.Return(rented);
                            rented = null;
                        }

                        inner = WireValue.ReadUtf8String(ref reader, out rented);
                        break;
                    case "oslo.version":
                        version = WireValue.ReadString(ref reader);
                        if (!version.StartsWith("2.", StringComparison.Ordinal))
                        {
                            throw new WireFormatException($"oslo.version '{EchoedText.Of(version)}' is not a 2.x message format");
                        }

                        break;
                    default:
                        throw new WireFormatException("unexpected key in an oslo v2 body; expected oslo.version and oslo.message");
                }
            }
            catch (JsonException error)
            {
                throw WireFormatException.Within(error, key);
            }
        }

        EnsureEnd(ref reader);
        if (version is null)
        {
            throw new WireFormatException("the oslo v2 body has no oslo.version");
        }

        return inner!.Value;
    }

    internal static void EnsureEnd(ref Utf8JsonReader reader)
    {
        if (reader.Read())
        {
            throw new WireFormatException("unexpected data after the end of the JSON value");
        }
    }

    /// <summary>The payload of an unsupported notification, read as any free-form value is (see <see cref="WireValue.ReadAny"/>).</summary>
    private JsonElement ParseElement(ReadOnlyMemory<byte> payload)
    {
        var reader = new Utf8JsonReader(payload.Span, _readerOptions);
        reader.Read();
        try
        {
            return WireValue.ReadAny(ref reader);
        }
        catch (JsonException error)
        {
            throw WireFormatException.Within(error, "payload");
        }
    }

    private static bool Contains(IReadOnlyList<NotificationPriority> priorities, NotificationPriority priority)
    {
        foreach (var candidate in priorities)
        {
            if (candidate == priority)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Joins a path prefix (<c>$['oslo.message']</c> or empty) and a path that starts with <c>$</c>.</summary>
    internal static string Join(string prefix, string path) => prefix.Length == 0 ? path : string.Concat(prefix, path.AsSpan(1));

    private void Register(string name, EventTypeInfo eventType)
    {
        if (_eventTypes.TryGetValue(name, out var existing) && !ReferenceEquals(existing, eventType))
        {
            throw new ArgumentException($"Two contracts declare the event type '{name}'.", "contracts");
        }

        _eventTypes[name] = eventType;
    }
}
