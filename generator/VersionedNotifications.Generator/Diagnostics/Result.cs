using VersionedNotifications.Generator.Model;

namespace VersionedNotifications.Generator.Diagnostics;

/// <summary>A pipeline value together with the diagnostics found while making it.</summary>
internal sealed record Result<T>(T Value, EquatableArray<DiagnosticInfo> Diagnostics);
