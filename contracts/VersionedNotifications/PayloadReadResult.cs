using VersionedNotifications.Wire;

namespace VersionedNotifications;

/// <summary>What <see cref="NotificationReader.ReadPayload"/> made of a bare payload.</summary>
public sealed class PayloadReadResult
{
    private PayloadReadResult(PayloadContract? contract, object? payload, string? jsonPath, string? reason, bool isUnsupported)
    {
        Contract = contract;
        Payload = payload;
        JsonPath = jsonPath;
        Reason = reason;
        IsUnsupported = isUnsupported;
    }

    /// <summary>The payload: a generated record, or a <see cref="string"/> for a text payload; <see langword="null"/> when it could not be read.</summary>
    public object? Payload { get; }

    /// <summary>The contract that read it; <see langword="null"/> for text and failures.</summary>
    public PayloadContract? Contract { get; }

    /// <summary>Where the payload went wrong, when it did.</summary>
    public string? JsonPath { get; }

    /// <summary>What went wrong, when it did.</summary>
    public string? Reason { get; }

    /// <summary>True when the payload is well-formed but of an object or version the contracts do not read.</summary>
    public bool IsUnsupported { get; }

    /// <summary>True when the payload was read.</summary>
    public bool IsSuccess => Payload is not null;

    internal static PayloadReadResult Decoded(PayloadContract contract, object payload) => new(contract, payload, null, null, false);

    internal static PayloadReadResult Text(string text) => new(null, text, null, null, false);

    internal static PayloadReadResult Failed(string jsonPath, string reason, bool isUnsupported) => new(null, null, jsonPath, reason, isUnsupported);
}
