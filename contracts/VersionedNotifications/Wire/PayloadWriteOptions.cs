using System;

namespace VersionedNotifications.Wire;

/// <summary>How a payload is written.</summary>
public sealed record PayloadWriteOptions
{
    /// <summary>Masks secrets, writes the current version, makes no <c>.changes</c>.</summary>
    public static PayloadWriteOptions Default { get; } = new();

    /// <summary>
    /// Whether secret fields are masked as <c>******</c> (default <see langword="true"/>): secret strings
    /// entirely, secret dictionaries under the keys that look like passwords or tokens, as ironic's
    /// notifications do. Turning it off is for tools that re-encode already-masked captures.
    /// </summary>
    public bool MaskSecrets { get; init; } = true;

    /// <summary>
    /// Write the top-level payload at this older minor version (<c>"1.12"</c>): fields added after it are
    /// left out. <see langword="null"/> writes the version the payload was read at, or the current one.
    /// </summary>
    public string? TargetVersion { get; init; }

    /// <summary>
    /// Whether versioned objects that were not read with a <c>&lt;ns&gt;_object.changes</c> list get one, naming the
    /// fields they set (oslo's notifications usually carry none). An object read with a list always writes that list
    /// back, whatever this says.
    /// </summary>
    public bool WriteChanges { get; init; }

    private PayloadWriteState? _allFields;

    /// <summary>Copies the settings for <c>with</c>, but not the cached write state, which belongs to the original's settings.</summary>
    private PayloadWriteOptions(PayloadWriteOptions original)
    {
        MaskSecrets = original.MaskSecrets;
        TargetVersion = original.TargetVersion;
        WriteChanges = original.WriteChanges;
    }

    /// <summary>Options that mask secrets, write the current version and make no <c>.changes</c>.</summary>
    public PayloadWriteOptions()
    {
    }

    /// <summary>The state that writes every field, shared by all writes with these options.</summary>
    internal PayloadWriteState AllFields => _allFields ??= new PayloadWriteState(this, null, null, null);
}
