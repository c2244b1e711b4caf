using VersionedNotifications.Qpid.Native;

namespace VersionedNotifications.Qpid.Tests.Native;

/// <summary>The native library is found by its Debian name; missing, the error says what to install.</summary>
public sealed class ProtonLibraryTests
{
    [Fact]
    public void The_installed_library_is_found_by_its_Debian_soname()
    {
        ProtonLibrary.EnsureLoaded();
        Assert.Equal("libqpid-proton.so.11", ProtonLibrary.Candidates[0]);
        Assert.NotEqual(0, ProtonLibrary.Load(["libqpid-proton.so.11"]));
    }

    [Fact]
    public void A_missing_library_fails_with_the_files_tried_and_the_package_to_install()
    {
        var error = Assert.Throws<QpidLibraryNotFoundException>(() => ProtonLibrary.Load(["libqpid-proton.so.99", "libqpid-proton-missing.so"]));
        Assert.IsAssignableFrom<DllNotFoundException>(error);
        Assert.StartsWith("Qpid Proton's C library is not installed: none of libqpid-proton.so.99, libqpid-proton-missing.so could be loaded.", error.Message);
        Assert.Contains("apt-get install libqpid-proton11", error.Message);
        Assert.Contains("libqpid-proton.so.99", error.Message[error.Message.IndexOf("The loader said", StringComparison.Ordinal)..]);
    }
}
