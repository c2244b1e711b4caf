using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace VersionedNotifications.Wire;

/// <summary>
/// Bytes that do not fit the contract: malformed JSON, a value of the wrong type, or a payload this
/// contract cannot read. Carries the JSON path of the offending value and the reason.
/// </summary>
/// <remarks>
/// Generated readers throw it at the innermost value and add path segments while it unwinds
/// (<see cref="InProperty"/>, <see cref="AtIndex"/>). <see cref="NotificationReader"/> turns it into a
/// result; it never escapes from reading network bytes.
/// </remarks>
public sealed class WireFormatException : JsonException
{
    private readonly List<string> _segmentsInnermostFirst = new();

    /// <summary>Creates the error for the value being read.</summary>
    /// <param name="reason">What is wrong, in a sentence a user can act on.</param>
    /// <param name="isUnsupported">True when the bytes are well-formed but name an object or version this contract cannot read.</param>
    public WireFormatException(string reason, bool isUnsupported = false)
        : base(reason)
    {
        Reason = reason;
        IsUnsupported = isUnsupported;
    }

    /// <summary>What is wrong with the value.</summary>
    public string Reason { get; }

    /// <summary>True when the bytes are well-formed but name an object or version this contract cannot read.</summary>
    public bool IsUnsupported { get; }

    /// <summary>The JSON path of the value, such as <c>$.payload['ironic_object.data'].power_state</c>.</summary>
    public string JsonPath
    {
        get
        {
            var builder = new StringBuilder("$");
            for (var i = _segmentsInnermostFirst.Count - 1; i >= 0; i--)
            {
                builder.Append(_segmentsInnermostFirst[i]);
            }

            return builder.ToString();
        }
    }

    /// <inheritdoc/>
    public override string Message => JsonPath + ": " + Reason;

    /// <summary>Places the error inside the property <paramref name="name"/> of the enclosing object.</summary>
    /// <returns>This exception, to rethrow.</returns>
    public WireFormatException InProperty(string name)
    {
        _segmentsInnermostFirst.Add(PropertySegment(name));
        return this;
    }

    /// <summary>Places the error at element <paramref name="index"/> of the enclosing array.</summary>
    /// <returns>This exception, to rethrow.</returns>
    public WireFormatException AtIndex(int index)
    {
        _segmentsInnermostFirst.Add("[" + index.ToString(CultureInfo.InvariantCulture) + "]");
        return this;
    }

    /// <summary>
    /// The path-carrying form of any error met while reading the value inside <paramref name="property"/>:
    /// a <see cref="WireFormatException"/> gains the segment; a <see cref="JsonException"/> from the
    /// JSON reader itself (malformed bytes, too deep) becomes one.
    /// </summary>
    public static WireFormatException Within(JsonException error, string property) =>
        From(error).InProperty(property);

    /// <summary>A <see cref="WireFormatException"/> for <paramref name="error"/>, keeping its path if it has one.</summary>
    public static WireFormatException From(JsonException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error as WireFormatException ?? new WireFormatException(ReaderReason(error));
    }

    private static string ReaderReason(JsonException error)
    {
        // The reader's own messages end with the line and byte position, which stay useful.
        var message = error.Message;
        return string.IsNullOrEmpty(message) ? "malformed JSON" : "malformed JSON: " + message;
    }

    private static string PropertySegment(string name)
    {
        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return "['" + EchoedText.Of(name).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "']";
            }
        }

        return name.Length == 0 ? "['']" : "." + EchoedText.Of(name);
    }
}
