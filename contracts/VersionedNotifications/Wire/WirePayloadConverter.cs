using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace VersionedNotifications.Wire;

/// <summary>
/// Reads and writes one generated payload type in the exact oslo form. Generated converters supply the
/// object's fields (<see cref="ReadData"/>, <see cref="WriteData(Utf8JsonWriter, T, PayloadWriteState)"/>); this class handles the
/// <c>&lt;ns&gt;_object.*</c> wrapper of versioned objects, version checks, backports, absent and
/// unknown fields.
/// </summary>
/// <typeparam name="T">The generated record.</typeparam>
public abstract class WirePayloadConverter<T> : JsonConverter<T>
    where T : class
{
    private readonly byte[] _nameKey;
    private readonly byte[] _namespaceKey;
    private readonly byte[] _versionKey;
    private readonly byte[] _dataKey;
    private readonly byte[] _changesKey;
    private readonly OsloPropertyName _dataName;
    private readonly OsloPropertyName _changesName;

    // The wrapper up to the version's value, {"<ns>_object.name": "...", ... "<ns>_object.version": , as oslo writes it
    // at each level of escaping.
    private readonly byte[] _wrapperHead;
    private readonly byte[] _wrapperHeadAsStringContent;
    private readonly byte[] _nameUtf8;
    private readonly byte[] _namespaceUtf8;
    private readonly byte[] _versionUtf8;
    private readonly string _nameKeyText;
    private readonly string _namespaceKeyText;
    private readonly string _versionKeyText;
    private readonly string _dataKeyText;
    private readonly string _changesKeyText;
    private readonly PayloadVersion _firstVersion;
    private readonly bool _hasInheritedFields;

    /// <summary>Creates the converter of one object.</summary>
    /// <param name="objectInfo">The object's wire name, namespace and versions.</param>
    /// <param name="fields">Every field the object has, inherited ones included, in the order oslo writes them, which is the order the generated code numbers them.</param>
    protected WirePayloadConverter(VersionedObjectInfo objectInfo, WireField[] fields)
    {
        ArgumentNullException.ThrowIfNull(objectInfo);
        ArgumentNullException.ThrowIfNull(fields);
        ObjectInfo = objectInfo;
        Fields = fields;
        CurrentVersion = PayloadVersion.Parse(objectInfo.Version);
        _firstVersion = objectInfo.KnownVersions.Count > 0 ? PayloadVersion.Parse(objectInfo.KnownVersions[0]) : CurrentVersion;
        var prefix = objectInfo.KeyPrefix + ".";
        _nameUtf8 = Encoding.UTF8.GetBytes(objectInfo.Name);
        _namespaceUtf8 = Encoding.UTF8.GetBytes(objectInfo.Namespace);
        _versionUtf8 = Encoding.UTF8.GetBytes(objectInfo.Version);
        _nameKeyText = prefix + "name";
        _namespaceKeyText = prefix + "namespace";
        _versionKeyText = prefix + "version";
        _dataKeyText = prefix + "data";
        _changesKeyText = prefix + "changes";
        _nameKey = Encoding.UTF8.GetBytes(_nameKeyText);
        _namespaceKey = Encoding.UTF8.GetBytes(_namespaceKeyText);
        _versionKey = Encoding.UTF8.GetBytes(_versionKeyText);
        _dataKey = Encoding.UTF8.GetBytes(_dataKeyText);
        _changesKey = Encoding.UTF8.GetBytes(_changesKeyText);
        foreach (var field in fields)
        {
            _hasInheritedFields |= field.IsInherited;
        }

        _dataName = new OsloPropertyName(_dataKeyText);
        _changesName = new OsloPropertyName(_changesKeyText);
        _wrapperHead = WrapperHead(prefix, asStringContent: false);
        _wrapperHeadAsStringContent = WrapperHead(prefix, asStringContent: true);
    }

    /// <summary>The object's wire name, namespace and versions.</summary>
    public VersionedObjectInfo ObjectInfo { get; }

    /// <summary>Every field, numbered as the generated code numbers them.</summary>
    public IReadOnlyList<WireField> Fields { get; }

    /// <summary>The current version of the object.</summary>
    public PayloadVersion CurrentVersion { get; }

    /// <inheritdoc/>
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadValue(ref reader);

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => WriteValue(writer, value, PayloadWriteOptions.Default);

    /// <summary>
    /// Reads the payload the reader stands on: the versioned wrapper or, for unversioned objects, the
    /// plain JSON object. Throws <see cref="WireFormatException"/> with the path inside the payload.
    /// </summary>
    public T ReadValue(ref Utf8JsonReader reader) => ObjectInfo.IsVersioned ? ReadVersioned(ref reader) : ReadPlain(ref reader);

    /// <summary>Writes the payload; <see cref="PayloadWriteOptions.TargetVersion"/> backports it.</summary>
    /// <exception cref="ArgumentException">The target version is not one this object can be written at.</exception>
    public void WriteValue(Utf8JsonWriter writer, T value, PayloadWriteOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(options);
        Write(writer, value, options, options.TargetVersion is { } targetText ? CheckTarget(targetText) : null);
    }

    /// <summary>Writes the payload in oslo's text; <see cref="PayloadWriteOptions.TargetVersion"/> backports it.</summary>
    /// <exception cref="ArgumentException">The target version is not one this object can be written at.</exception>
    public void WriteValue(OsloJsonWriter writer, T value, PayloadWriteOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(options);
        Write(writer, value, options, options.TargetVersion is { } targetText ? CheckTarget(targetText) : null);
    }

    /// <summary>Writes a payload nested in another one in oslo's text, at the version <see cref="WriteNested(Utf8JsonWriter, T, PayloadWriteState, VersionMap?)"/> chooses.</summary>
    public void WriteNested(OsloJsonWriter writer, T value, PayloadWriteState parent, VersionMap? childVersions = null)
    {
        ArgumentNullException.ThrowIfNull(parent);
        Write(writer, value, parent.Options, NestedTarget(parent, childVersions));
    }

    /// <summary>
    /// Writes a payload nested in another one: at the version it was read at (or the current one), or, when the
    /// container is being backported and <paramref name="childVersions"/> says which version of this object that
    /// container version carries, at that version.
    /// </summary>
    public void WriteNested(Utf8JsonWriter writer, T value, PayloadWriteState parent, VersionMap? childVersions = null)
    {
        ArgumentNullException.ThrowIfNull(parent);
        Write(writer, value, parent.Options, NestedTarget(parent, childVersions));
    }

    /// <summary>Reads the object's data, the reader on its <c>{</c>; numbers fields as <see cref="Fields"/> does.</summary>
    protected abstract T ReadData(ref Utf8JsonReader reader, PayloadReadState state);

    /// <summary>Writes the object's data as a JSON object, asking <paramref name="state"/> which fields to write.</summary>
    protected abstract void WriteData(Utf8JsonWriter writer, T value, PayloadWriteState state);

    /// <summary>
    /// Writes the object's data in oslo's text, as <see cref="WriteData(Utf8JsonWriter, T, PayloadWriteState)"/> writes it.
    /// Generated converters write it directly; the default writes it with that method and rewrites the text.
    /// </summary>
    protected virtual void WriteData(OsloJsonWriter writer, T value, PayloadWriteState state)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteCompact((Converter: this, Value: value, State: state), static (compact, s) => s.Converter.WriteData(compact, s.Value, s.State));
    }

    /// <summary>The wire state a read payload carries.</summary>
    protected abstract PayloadWireState? GetWireState(T value);

    /// <summary>A copy of <paramref name="value"/> that carries <paramref name="state"/>.</summary>
    protected abstract T WithWireState(T value, PayloadWireState state);

    private T ReadPlain(ref Utf8JsonReader reader)
    {
        var state = PayloadReadState.Rent(Fields);
        var value = ReadDataOf(ref reader, state);
        var complete = Complete(value, state, CurrentVersion.ToString(), null, CurrentVersion);
        PayloadReadState.Return(state);
        return complete;
    }

    private T ReadVersioned(ref Utf8JsonReader reader)
    {
        WireValue.Expect(ref reader, JsonTokenType.StartObject, $"a versioned object ({ObjectInfo.KeyPrefix}.name, .namespace, .version, .data)");
        string? name = null, wireNamespace = null, version = null;
        List<string>? changes = null;
        T? data = null;
        PayloadReadState? state = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            // An escaped name may be undecodable, which only reading it reports; the wrapper's own keys (oslo writes
            // them unescaped) are matched without a string made of them.
            var escapedKey = reader.ValueIsEscaped ? WireValue.ReadPropertyName(ref reader) : null;
            var key = WrapperKeyOf(ref reader);
            var keyText = escapedKey ?? KeyText(key) ?? WireValue.ReadPropertyName(ref reader);
            reader.Read();
            try
            {
                switch (key)
                {
                    case WrapperKey.Data:
                        if (state is null)
                        {
                            state = PayloadReadState.Rent(Fields);
                        }
                        else
                        {
                            state.Reset(Fields);
                        }

                        data = ReadDataOf(ref reader, state);
                        break;
                    case WrapperKey.Name:
                        name = ReadExpected(ref reader, ObjectInfo.Name, _nameUtf8);
                        break;
                    case WrapperKey.Namespace:
                        wireNamespace = ReadExpected(ref reader, ObjectInfo.Namespace, _namespaceUtf8);
                        break;
                    case WrapperKey.Version:
                        version = ReadExpected(ref reader, ObjectInfo.Version, _versionUtf8);
                        break;
                    case WrapperKey.Changes:
                        changes = new List<string>(WireValue.ReadList(ref reader, WireValue.ReadString));
                        break;
                    default:
                        throw new WireFormatException($"unexpected key in a versioned object; expected {ObjectInfo.KeyPrefix}.name, .namespace, .version, .data or .changes");
                }
            }
            catch (JsonException error)
            {
                throw WireFormatException.Within(error, keyText);
            }
        }

        if (name is null || wireNamespace is null || version is null || data is null)
        {
            var missing = name is null ? "name" : wireNamespace is null ? "namespace" : version is null ? "version" : "data";
            throw new WireFormatException($"the versioned object has no {ObjectInfo.KeyPrefix}.{missing}");
        }

        if (name != ObjectInfo.Name || wireNamespace != ObjectInfo.Namespace)
        {
            throw new WireFormatException($"found object {EchoedText.Of(wireNamespace)}/{EchoedText.Of(name)}, expected {ObjectInfo.Namespace}/{ObjectInfo.Name}", isUnsupported: true).InProperty(name != ObjectInfo.Name ? _nameKeyText : _namespaceKeyText);
        }

        if (!PayloadVersion.TryParse(version, out var wireVersion))
        {
            throw new WireFormatException($"'{EchoedText.Of(version)}' is not a major.minor version").InProperty(_versionKeyText);
        }

        if (wireVersion.Major != CurrentVersion.Major && !DescribesMajor(wireVersion.Major))
        {
            throw new WireFormatException($"{ObjectInfo.Name} {wireVersion} has another major version than the {CurrentVersion} this contract reads", isUnsupported: true).InProperty(_versionKeyText);
        }

        var complete = Complete(data, state!, version, changes, wireVersion);
        PayloadReadState.Return(state!);
        return complete;
    }

    /// <summary>
    /// Whether the definitions describe major version <paramref name="major"/> of this object: an older major that its
    /// history lists (during a rolling upgrade older services still send it). Its fields are read as the current
    /// record has them; what the record no longer has is kept and written back unchanged.
    /// </summary>
    private bool DescribesMajor(int major)
    {
        if (major > CurrentVersion.Major)
        {
            return false;
        }

        foreach (var known in ObjectInfo.KnownVersions)
        {
            if (PayloadVersion.TryParse(known, out var version) && version.Major == major)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <see cref="ReadData"/>, whose generated field lookup compares names with the JSON reader's own
    /// comparison: that throws on a name that escapes an unpaired surrogate, which becomes the error it is.
    /// </summary>
    private T ReadDataOf(ref Utf8JsonReader reader, PayloadReadState state)
    {
        try
        {
            return ReadData(ref reader, state);
        }
        catch (InvalidOperationException) when (WireValue.IsOnUndecodableName(ref reader))
        {
            throw WireValue.UndecodableName(ref reader);
        }
    }

    private WrapperKey WrapperKeyOf(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals(_dataKey) ? WrapperKey.Data
        : reader.ValueTextEquals(_nameKey) ? WrapperKey.Name
        : reader.ValueTextEquals(_namespaceKey) ? WrapperKey.Namespace
        : reader.ValueTextEquals(_versionKey) ? WrapperKey.Version
        : reader.ValueTextEquals(_changesKey) ? WrapperKey.Changes
        : WrapperKey.Unknown;

    /// <summary>
    /// The string under the reader: <paramref name="expected"/> itself when the text is that, written without escapes
    /// (the object's own name, namespace and current version, which a record keeps no copy of), else a new string.
    /// </summary>
    private static string ReadExpected(ref Utf8JsonReader reader, string expected, byte[] expectedUtf8) =>
        reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && !reader.HasValueSequence && reader.ValueSpan.SequenceEqual(expectedUtf8)
            ? expected
            : WireValue.ReadString(ref reader);

    private string? KeyText(WrapperKey key) => key switch
    {
        WrapperKey.Data => _dataKeyText,
        WrapperKey.Name => _nameKeyText,
        WrapperKey.Namespace => _namespaceKeyText,
        WrapperKey.Version => _versionKeyText,
        WrapperKey.Changes => _changesKeyText,
        _ => null,
    };

    private enum WrapperKey
    {
        Unknown,
        Name,
        Namespace,
        Version,
        Data,
        Changes,
    }

    private T Complete(T value, PayloadReadState state, string version, IReadOnlyList<string>? changes, PayloadVersion wireVersion)
    {
        List<string>? absent = null;
        for (var i = 0; i < Fields.Count; i++)
        {
            if (!state.IsPresent(i))
            {
                if (IsRequiredAt(Fields[i], wireVersion))
                {
                    var error = new WireFormatException($"the field is missing; {ObjectInfo.Name} {wireVersion} requires it").InProperty(Fields[i].Name);
                    throw ObjectInfo.IsVersioned ? error.InProperty(_dataKeyText) : error;
                }

                (absent ??= new List<string>()).Add(Fields[i].Name);
            }
        }

        if (absent is null && state.Unknown is null && changes is null && state.Order is null && version == ObjectInfo.Version)
        {
            return value;
        }

        return WithWireState(value, new PayloadWireState(
            version,
            (IReadOnlyList<string>?)absent ?? Array.Empty<string>(),
            state.Unknown ?? EmptyExtensionData,
            changes,
            state.Order));
    }

    /// <summary>
    /// Whether a message of <paramref name="version"/> must carry <paramref name="field"/>: it is not optional, and
    /// the version has it. A field whose version scale is not this object's (see <see cref="WireField.IsInherited"/>)
    /// is required only at the current version.
    /// </summary>
    private bool IsRequiredAt(WireField field, PayloadVersion version)
    {
        if (field.IsOptional)
        {
            return false;
        }

        if (field.IsInherited)
        {
            return version == CurrentVersion;
        }

        return field.Since <= version;
    }

    private void Write(Utf8JsonWriter writer, T value, PayloadWriteOptions options, PayloadVersion? target)
    {
        var (wireState, version, state) = PrepareWrite(value, options, target);
        if (!ObjectInfo.IsVersioned)
        {
            WriteData(writer, value, state);
            return;
        }

        writer.WriteStartObject();
        writer.WriteString(_nameKey, ObjectInfo.Name);
        writer.WriteString(_namespaceKey, ObjectInfo.Namespace);
        Span<byte> versionText = stackalloc byte[PayloadVersion.MaxUtf8Length];
        writer.WriteString(_versionKey, versionText[..version.FormatUtf8(versionText)]);
        writer.WritePropertyName(_dataKey);
        WriteData(writer, value, state);
        var changesWriter = new Utf8ChangesWriter(writer, _changesKey);
        WriteChanges(ref changesWriter, wireState, options, state);
        writer.WriteEndObject();
    }

    private void Write(OsloJsonWriter writer, T value, PayloadWriteOptions options, PayloadVersion? target)
    {
        var (wireState, version, state) = PrepareWrite(value, options, target);
        if (!ObjectInfo.IsVersioned)
        {
            WriteData(writer, value, state);
            return;
        }

        writer.WriteValuePrefix(_wrapperHead, _wrapperHeadAsStringContent);
        Span<byte> versionText = stackalloc byte[PayloadVersion.MaxUtf8Length];
        writer.WritePlainStringValue(versionText[..version.FormatUtf8(versionText)]);
        writer.WritePropertyName(_dataName);
        WriteData(writer, value, state);
        var changesWriter = new OsloChangesWriter(writer, _changesName);
        WriteChanges(ref changesWriter, wireState, options, state);
        writer.WriteEndObject();
    }

    /// <summary>
    /// Writes the object's <c>.changes</c>: each object keeps the list it was read with, and none when it came without
    /// (oslo writes the list per object: masakari's payloads carry one and their nested fault none). Only an object
    /// without a read list gets one made, of the fields it writes, and only when asked (<see cref="PayloadWriteOptions.WriteChanges"/>).
    /// </summary>
    private void WriteChanges<TWriter>(ref TWriter writer, PayloadWireState? wireState, PayloadWriteOptions options, PayloadWriteState state)
        where TWriter : struct, IChangesWriter
    {
        if (wireState?.Changes is { } changes)
        {
            writer.WriteStart();
            foreach (var change in changes)
            {
                writer.WriteName(change);
            }

            writer.WriteEnd();
        }
        else if (options.WriteChanges)
        {
            writer.WriteStart();
            for (var i = 0; i < Fields.Count; i++)
            {
                if (state.Includes(i, holdsDefault: false))
                {
                    writer.WriteName(Fields[i].Name);
                }
            }

            writer.WriteEnd();
        }
    }

    /// <summary>What a write of <paramref name="value"/> starts from: the state read with it, the version to write and the write's state.</summary>
    private (PayloadWireState? WireState, PayloadVersion Version, PayloadWriteState State) PrepareWrite(T value, PayloadWriteOptions options, PayloadVersion? target)
    {
        var wireState = GetWireState(value);
        return (wireState, VersionToWrite(wireState, target), StateFor(wireState, options, target));
    }

    private PayloadVersion VersionToWrite(PayloadWireState? wireState, PayloadVersion? target) =>
        target ?? (wireState is null ? CurrentVersion : PayloadVersion.TryParse(wireState.Version, out var read) ? read : CurrentVersion);

    private PayloadVersion? NestedTarget(PayloadWriteState parent, VersionMap? childVersions) =>
        parent.BackportedTo is { } container && childVersions?.ChildAt(container) is { } child && child != CurrentVersion
            ? CheckTarget(child.ToString())
            : null;

    // The wrapper's keys and constant values, up to where the version's value starts.
    private byte[] WrapperHead(string prefix, bool asStringContent)
    {
        var writer = OsloJsonWriter.Take(asStringContent);
        try
        {
            writer.WriteStartObject();
            writer.WritePropertyName(prefix + "name");
            writer.WriteStringValue(ObjectInfo.Name);
            writer.WritePropertyName(prefix + "namespace");
            writer.WriteStringValue(ObjectInfo.Namespace);
            writer.WritePropertyName(prefix + "version");
            return writer.WrittenSpan.ToArray();
        }
        finally
        {
            OsloJsonWriter.Return(writer);
        }
    }

    private PayloadWriteState StateFor(PayloadWireState? wireState, PayloadWriteOptions options, PayloadVersion? target)
    {
        var backports = target is { } t && t < CurrentVersion;
        if (wireState is null && !backports)
        {
            return options.AllFields;
        }

        bool[]? dropped = null;
        if (backports)
        {
            dropped = new bool[Fields.Count];
            for (var i = 0; i < Fields.Count; i++)
            {
                dropped[i] = !Fields[i].IsInherited && Fields[i].Since > target!.Value;
            }
        }

        bool[]? absent = null;
        if (wireState is not null && wireState.AbsentFields.Count > 0)
        {
            absent = new bool[Fields.Count];
            for (var i = 0; i < Fields.Count; i++)
            {
                absent[i] = wireState.IsAbsent(Fields[i].Name);
            }
        }

        // Unknown fields came with the version the payload was read at; writing any other version leaves them out.
        var extensionData = wireState is null || wireState.ExtensionData.Count == 0 || (target is { } written && written.ToString() != wireState.Version)
            ? null
            : wireState.ExtensionData;
        var order = wireState?.FieldOrder is { } fieldOrder ? OrderOf(fieldOrder, extensionData) : null;
        return dropped is null && absent is null && extensionData is null && order is null
            ? options.AllFields
            : new PayloadWriteState(options, dropped, absent, extensionData, backports ? target : null, order);
    }

    /// <summary>
    /// The write order of a payload read in an order of its own: the keys as they came (field numbers, and the
    /// complement <c>~i</c> of the i-th unknown field), then any defined field and unknown field the wire order lacks.
    /// </summary>
    private int[] OrderOf(IReadOnlyList<string> fieldOrder, IReadOnlyDictionary<string, JsonElement>? extensionData)
    {
        var unknownNames = new List<string>(extensionData?.Keys ?? []);
        var order = new List<int>(Fields.Count + unknownNames.Count);
        var placed = new bool[Fields.Count];
        var placedUnknown = new bool[unknownNames.Count];
        foreach (var name in fieldOrder)
        {
            var field = IndexOfField(name);
            if (field >= 0)
            {
                placed[field] = true;
                order.Add(field);
            }
            else if (unknownNames.IndexOf(name) is var unknown and >= 0)
            {
                placedUnknown[unknown] = true;
                order.Add(~unknown);
            }
        }

        for (var i = 0; i < Fields.Count; i++)
        {
            if (!placed[i])
            {
                order.Add(i);
            }
        }

        for (var i = 0; i < unknownNames.Count; i++)
        {
            if (!placedUnknown[i])
            {
                order.Add(~i);
            }
        }

        return order.ToArray();
    }

    private int IndexOfField(string name)
    {
        for (var i = 0; i < Fields.Count; i++)
        {
            if (string.Equals(Fields[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private PayloadVersion CheckTarget(string targetText)
    {
        if (!PayloadVersion.TryParse(targetText, out var target))
        {
            throw new ArgumentException($"'{targetText}' is not a major.minor version.", nameof(PayloadWriteOptions.TargetVersion));
        }

        if (target.Major != CurrentVersion.Major)
        {
            throw new ArgumentException($"{ObjectInfo.Name} cannot be written at {target}: a backport stays within major version {CurrentVersion.Major}.", nameof(PayloadWriteOptions.TargetVersion));
        }

        if (target < _firstVersion || target > CurrentVersion)
        {
            throw new ArgumentException($"{ObjectInfo.Name} cannot be written at {target}: its versions run from {_firstVersion} to {CurrentVersion}.", nameof(PayloadWriteOptions.TargetVersion));
        }

        if (_hasInheritedFields && target != CurrentVersion)
        {
            throw new ArgumentException($"{ObjectInfo.Name} cannot be written at {target}: it extends another object, and the definitions do not say which version of the base each of its versions contains (base_versions).", nameof(PayloadWriteOptions.TargetVersion));
        }

        return target;
    }

    private static readonly IReadOnlyDictionary<string, JsonElement> EmptyExtensionData = new Dictionary<string, JsonElement>();

    /// <summary>The <c>.changes</c> key and list, to one of the two writers.</summary>
    private interface IChangesWriter
    {
        void WriteStart();

        void WriteName(string name);

        void WriteEnd();
    }

    private readonly struct Utf8ChangesWriter(Utf8JsonWriter writer, byte[] key) : IChangesWriter
    {
        public void WriteStart()
        {
            writer.WritePropertyName(key);
            writer.WriteStartArray();
        }

        public void WriteName(string name) => writer.WriteStringValue(name);

        public void WriteEnd() => writer.WriteEndArray();
    }

    private readonly struct OsloChangesWriter(OsloJsonWriter writer, OsloPropertyName key) : IChangesWriter
    {
        public void WriteStart()
        {
            writer.WritePropertyName(key);
            writer.WriteStartArray();
        }

        public void WriteName(string name) => writer.WriteStringValue(name);

        public void WriteEnd() => writer.WriteEndArray();
    }
}
