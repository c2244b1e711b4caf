using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using VersionedNotifications.Generator.Model;

namespace VersionedNotifications.Generator.Diagnostics;

/// <summary>A diagnostic as equatable data: the descriptor, where, and the message arguments.</summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, LocationInfo Location, EquatableArray<string> MessageArgs)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo location, params string[] messageArgs) =>
        new(descriptor, location, new EquatableArray<string>(messageArgs));

    public Diagnostic ToDiagnostic() =>
        Diagnostic.Create(Descriptor, Location.ToLocation(), MessageArgs.Cast<object>().ToArray());

    /// <summary>The diagnostic at a severity the project configured instead of the descriptor's.</summary>
    public Diagnostic ToDiagnostic(DiagnosticSeverity severity) =>
        Diagnostic.Create(Descriptor, Location.ToLocation(), severity, additionalLocations: null, properties: null, MessageArgs.Cast<object>().ToArray());

    /// <summary>The message with its arguments filled in, as a user reads it.</summary>
    public string Message => ToDiagnostic().GetMessage(CultureInfo.InvariantCulture);
}
