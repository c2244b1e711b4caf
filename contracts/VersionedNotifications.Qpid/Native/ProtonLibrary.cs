using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Threading;

namespace VersionedNotifications.Qpid.Native;

/// <summary>
/// Finds Qpid Proton's C library by the names distributions give it (Debian's <c>libqpid-proton11</c>
/// ships <c>libqpid-proton.so.11</c>) and hands it to the <see cref="Proton"/> stubs. Missing, it fails
/// with a <see cref="QpidLibraryNotFoundException"/> that names the package to install.
/// </summary>
internal static class ProtonLibrary
{
    /// <summary>The file names tried, in order: the Debian/Fedora soname of Proton 0.3x, the development link, macOS and Windows.</summary>
    public static readonly IReadOnlyList<string> Candidates = ["libqpid-proton.so.11", "libqpid-proton.so", "libqpid-proton.11.dylib", "libqpid-proton.dylib", "qpid-proton.dll"];

    private static readonly Lazy<nint> Handle = new(() => Load(Candidates), LazyThreadSafetyMode.ExecutionAndPublication);
    private static int _registered;

    /// <summary>Loads the library now, so a missing one fails where the driver or listener is made rather than on first use.</summary>
    /// <exception cref="QpidLibraryNotFoundException">No candidate could be loaded.</exception>
    public static void EnsureLoaded()
    {
        Register();
        _ = Handle.Value;
    }

    /// <summary>Points the assembly's imports of <see cref="Proton.Library"/> at the loaded library (once).</summary>
    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 0)
        {
            NativeLibrary.SetDllImportResolver(typeof(ProtonLibrary).Assembly, (name, _, _) => name == Proton.Library ? Handle.Value : 0);
        }
    }

    /// <summary>The first of <paramref name="candidates"/> the loader finds.</summary>
    /// <exception cref="QpidLibraryNotFoundException">None could be loaded; the message lists them and the packages that provide them.</exception>
    public static nint Load(IReadOnlyList<string> candidates)
    {
        var reasons = new List<string>();
        foreach (var candidate in candidates)
        {
            try
            {
                return NativeLibrary.Load(candidate);
            }
            catch (DllNotFoundException error)
            {
                reasons.Add(error.Message);
            }
            catch (BadImageFormatException error)
            {
                reasons.Add($"{candidate}: {error.Message}");
            }
        }

        throw new QpidLibraryNotFoundException(
            $"Qpid Proton's C library is not installed: none of {string.Join(", ", candidates)} could be loaded. "
            + "Install it (Debian and Ubuntu: apt-get install libqpid-proton11; Fedora and RHEL: dnf install qpid-proton-c) and start again. "
            + "The loader said: " + string.Join(" | ", reasons));
    }
}
