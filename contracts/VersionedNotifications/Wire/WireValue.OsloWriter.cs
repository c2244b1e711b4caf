using System;
using System.Collections.Generic;
using System.Net;
using System.Text.Json.Nodes;

namespace VersionedNotifications.Wire;

/// <summary>Writes one value to an <see cref="OsloJsonWriter"/>.</summary>
public delegate void OsloValueWriter<T>(OsloJsonWriter writer, T value, PayloadWriteState state);

/// <summary>
/// The writers of the oslo field types to an <see cref="OsloJsonWriter"/>, one beside each writer to a
/// <see cref="System.Text.Json.Utf8JsonWriter"/> and writing the same value, so that the generated converters write
/// both with the same code.
/// </summary>
public static partial class WireValue
{
    /// <summary>Writes a payload datetime (<see cref="OsloTime.FormatPayload(DateTimeOffset)"/>).</summary>
    public static void WriteDateTime(OsloJsonWriter writer, DateTimeOffset value, PayloadWriteState state)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Span<byte> text = stackalloc byte[40];
        writer.WritePlainStringValue(text[..OsloTime.FormatPayload(value, text)]);
    }

    /// <summary>Writes a string.</summary>
    public static void WriteString(OsloJsonWriter writer, string value, PayloadWriteState state)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }

    /// <summary>Writes an integer.</summary>
    public static void WriteInt64(OsloJsonWriter writer, long value, PayloadWriteState state)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(value);
    }

    /// <summary>Writes a <c>float</c> as Python writes one (<see cref="OsloJsonWriter.WriteDoubleValue"/>).</summary>
    public static void WriteDouble(OsloJsonWriter writer, double value, PayloadWriteState state)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteDoubleValue(value);
    }

    /// <summary>Writes a boolean.</summary>
    public static void WriteBoolean(OsloJsonWriter writer, bool value, PayloadWriteState state)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteBooleanValue(value);
    }

    /// <summary>Writes a <c>uuid</c> field's text unchanged.</summary>
    public static void WriteUuid(OsloJsonWriter writer, Uuid value, PayloadWriteState state)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Text);
    }

    /// <summary>Writes an IP address in its canonical text form.</summary>
    public static void WriteIPAddress(OsloJsonWriter writer, IPAddress value, PayloadWriteState state)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStringValue(value.ToString());
    }

    /// <summary>Writes a JSON object as <see cref="WriteJsonObject(System.Text.Json.Utf8JsonWriter, JsonObject, PayloadWriteState)"/> does.</summary>
    public static void WriteJsonObject(OsloJsonWriter writer, JsonObject value, PayloadWriteState state)
    {
        ArgumentNullException.ThrowIfNull(writer);
        OsloJsonTree.WriteNode(writer, value);
    }

    /// <summary>Writes a JSON object with the values under secret-looking keys masked, unless the state says not to mask.</summary>
    public static void WriteSecretJsonObject(OsloJsonWriter writer, JsonObject value, PayloadWriteState state)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(state);
        if (!state.Options.MaskSecrets)
        {
            OsloJsonTree.WriteNode(writer, value);
            return;
        }

        // Masking walks the tree with the rules of SecretMasker, written once, for a JSON writer.
        writer.WriteCompact((Value: value, State: state), static (compact, s) => WriteSecretJsonObject(compact, s.Value, s.State));
    }

    /// <summary>
    /// Writes a secret JSON object as <see cref="WriteSecretJsonObject(OsloJsonWriter, JsonObject, PayloadWriteState)"/>
    /// does, and then masks the values of <paramref name="maskedKeys"/> at its top level whatever their names say.
    /// </summary>
    public static void WriteSecretJsonObject(OsloJsonWriter writer, JsonObject value, PayloadWriteState state, string[] maskedKeys)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(state);
        if (!state.Options.MaskSecrets)
        {
            OsloJsonTree.WriteNode(writer, value);
            return;
        }

        writer.WriteCompact((Value: value, State: state, Keys: maskedKeys), static (compact, s) => WriteSecretJsonObject(compact, s.Value, s.State, s.Keys));
    }

    /// <summary>Writes a secret string: <see cref="SecretMasker.Mask"/> unless the state says not to mask.</summary>
    public static void WriteSecretString(OsloJsonWriter writer, string value, PayloadWriteState state)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(state);
        writer.WriteStringValue(state.Options.MaskSecrets ? SecretMasker.Mask : value);
    }

    /// <summary>Writes a list.</summary>
    public static void WriteList<T>(OsloJsonWriter writer, IReadOnlyList<T> value, PayloadWriteState state, OsloValueWriter<T> element)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(element);
        writer.WriteStartArray();
        for (var i = 0; i < value.Count; i++)
        {
            element(writer, value[i], state);
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes a dictionary, keys in the order the dictionary gives them.</summary>
    public static void WriteDictionary<T>(OsloJsonWriter writer, IReadOnlyDictionary<string, T> value, PayloadWriteState state, OsloValueWriter<T> element)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(element);
        writer.WriteStartObject();
        foreach (var pair in value)
        {
            writer.WritePropertyName(pair.Key);
            element(writer, pair.Value, state);
        }

        writer.WriteEndObject();
    }
}
