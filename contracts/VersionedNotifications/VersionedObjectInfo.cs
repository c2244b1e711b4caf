using System;
using System.Collections.Generic;

namespace VersionedNotifications;

/// <summary>
/// What the wire says about a generated payload type: its object name, namespace and version.
/// </summary>
public sealed class VersionedObjectInfo
{
    /// <summary>Creates the metadata of one object; generated code calls this once per type.</summary>
    /// <param name="name">The object name, <c>ironic_object.name</c> on the wire.</param>
    /// <param name="wireNamespace">The namespace, also the prefix of the wire keys (<c>ironic</c> gives <c>ironic_object.*</c>).</param>
    /// <param name="version">The current <c>major.minor</c> version.</param>
    /// <param name="knownVersions">Every version the definitions record, oldest first; includes <paramref name="version"/>.</param>
    /// <param name="isVersioned">Whether the payload travels as a versioned object envelope or as a plain JSON object.</param>
    public VersionedObjectInfo(string name, string wireNamespace, string version, IReadOnlyList<string> knownVersions, bool isVersioned)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(wireNamespace);
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(knownVersions);
        Name = name;
        Namespace = wireNamespace;
        Version = version;
        KnownVersions = knownVersions;
        IsVersioned = isVersioned;
    }

    /// <summary>The object name, <c>&lt;namespace&gt;_object.name</c> on the wire.</summary>
    public string Name { get; }

    /// <summary>The object namespace, <c>&lt;namespace&gt;_object.namespace</c> on the wire.</summary>
    public string Namespace { get; }

    /// <summary>The current version, <c>&lt;namespace&gt;_object.version</c> on the wire.</summary>
    public string Version { get; }

    /// <summary>Every version recorded in the definitions, oldest first.</summary>
    public IReadOnlyList<string> KnownVersions { get; }

    /// <summary>
    /// <see langword="true"/> when the payload is wrapped in <c>&lt;namespace&gt;_object.*</c> keys (Ironic);
    /// <see langword="false"/> when it is a plain JSON object (Glance).
    /// </summary>
    public bool IsVersioned { get; }

    /// <summary>The wire key prefix, <c>&lt;namespace&gt;_object</c>.</summary>
    public string KeyPrefix => Namespace + "_object";

    /// <inheritdoc/>
    public override string ToString() => IsVersioned ? $"{Name} {Version}" : Name;
}
