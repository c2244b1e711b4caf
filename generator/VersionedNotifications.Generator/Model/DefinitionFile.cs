namespace VersionedNotifications.Generator.Model;

/// <summary>
/// One definitions file as parsed: what it declares, with the place of every name so that
/// checks across files can point at the YAML line.
/// </summary>
/// <remarks>
/// Models are records of equatable data only (strings, numbers, enums, nested records and
/// <see cref="EquatableArray{T}"/>). They never hold Roslyn symbols, syntax, compilations,
/// <c>AdditionalText</c>, <c>SourceText</c> or YAML-library nodes, so the incremental driver can
/// compare them and cache every step that follows.
/// </remarks>
/// <param name="Path">The file path, as the compiler was given it.</param>
/// <param name="WireNamespace">The <c>namespace</c> key: the wire prefix (<c>ironic</c> gives <c>ironic_object.*</c>); null when missing.</param>
/// <param name="CSharpNamespace">The <c>csharp_namespace</c> key; null when missing.</param>
/// <param name="NamespaceLocation">Where the namespace is declared (the file start when it is missing).</param>
/// <param name="Objects">The objects of the file, in file order.</param>
/// <param name="Enums">The named enums of the file, in file order.</param>
/// <param name="Events">The event types of the file, families expanded into one entry per status.</param>
/// <param name="HasErrors">Whether parsing reported an error; the file's declarations may then be incomplete.</param>
internal sealed record DefinitionFile(
    string Path,
    string? WireNamespace,
    string? CSharpNamespace,
    LocationInfo NamespaceLocation,
    EquatableArray<ObjectDefinition> Objects,
    EquatableArray<EnumDefinition> Enums,
    EquatableArray<EventDefinition> Events,
    bool HasErrors)
{
    /// <summary>
    /// Objects and enums the file names but could not read (an object without its <c>version</c>): they are left
    /// out of <see cref="Objects"/> and <see cref="Enums"/>, and what uses them is not told again that the name
    /// is unknown, since the file's own error says what is wrong.
    /// </summary>
    public EquatableArray<string> UnreadNames { get; init; } = EquatableArray<string>.Empty;
}
