using System;
using System.Buffers;

namespace VersionedNotifications.Wire;

/// <summary>
/// One output buffer per thread, for writes whose result is copied out once at the end (a body as an exact-size
/// array): a large message then costs that one array, not a growing buffer's every doubling as well.
/// </summary>
internal static class ThreadOutputBuffer
{
    // A buffer grown past this by a rare huge message is dropped rather than kept for the thread's lifetime.
    private const int MaxKeptBytes = 4 * 1024 * 1024;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    /// <summary>Takes the thread's buffer, empty; a write nested in another (taken already) gets a new one.</summary>
    public static ArrayBufferWriter<byte> Take()
    {
        var buffer = t_buffer ?? new ArrayBufferWriter<byte>(4096);
        t_buffer = null;
        buffer.ResetWrittenCount();
        return buffer;
    }

    /// <summary>Gives the buffer back to the thread once its content has been copied out.</summary>
    public static void Return(ArrayBufferWriter<byte> buffer)
    {
        if (buffer.Capacity <= MaxKeptBytes)
        {
            t_buffer = buffer;
        }
    }

    /// <summary>What <paramref name="write"/> writes, as an array of exactly its length.</summary>
    public static byte[] ToArray<TState>(TState state, Action<TState, IBufferWriter<byte>> write)
    {
        var buffer = Take();
        try
        {
            write(state, buffer);
            return buffer.WrittenSpan.ToArray();
        }
        finally
        {
            Return(buffer);
        }
    }
}
