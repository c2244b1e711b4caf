using System.Reflection;
using System.Runtime.Loader;
using VersionedNotifications.Wire;

namespace VersionedNotifications.Tool.Contracts;

/// <summary>
/// The assembly compiled from a definitions folder, loaded in a collectible context of its own, and the generated
/// JSON context in it: the contracts a user's <c>new NotificationReader(MyJsonContext.Default)</c> reads with.
/// The runtime and the framework come from the tool's own context, so the generated code and the tool share their types.
/// </summary>
internal sealed class CompiledContracts : IDisposable
{
    private readonly AssemblyLoadContext _context;

    private CompiledContracts(AssemblyLoadContext context, INotificationContracts contracts)
    {
        _context = context;
        Contracts = contracts;
    }

    /// <summary>The generated JSON context's <c>Default</c> instance.</summary>
    public INotificationContracts Contracts { get; }

    /// <summary>Loads the compiled <paramref name="image"/> and finds its JSON context.</summary>
    /// <exception cref="UsageException">The definitions declare no payload, so the build generates no JSON context.</exception>
    public static CompiledContracts Load(Stream image, string definitionsFolder)
    {
        var context = new AssemblyLoadContext("vnotify definitions " + definitionsFolder, isCollectible: true);
        var assembly = context.LoadFromStream(image);
        var contextType = assembly.GetTypes().FirstOrDefault(t => !t.IsAbstract && typeof(INotificationContracts).IsAssignableFrom(t));
        if (contextType?.GetProperty("Default", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) is not INotificationContracts contracts)
        {
            context.Unload();
            throw new UsageException($"--definitions: the definitions in '{definitionsFolder}' declare no objects, so there is nothing to read messages with");
        }

        return new CompiledContracts(context, contracts);
    }

    /// <summary>Lets the compiled assembly go once nothing uses its types any more.</summary>
    public void Dispose() => _context.Unload();
}
