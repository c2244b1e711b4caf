using System.Runtime.InteropServices;

namespace VersionedNotifications.Qpid.Native;

/// <summary>
/// The part of Qpid Proton's C API (0.37, <c>proton/*.h</c>) the driver and listener use, under its C names
/// so that each call reads like Proton's documentation. Objects the caller owns come back as safe handles
/// (<see cref="ProactorHandle"/>, <see cref="MessageHandle"/>); connections, sessions, links, deliveries,
/// terminuses, conditions and data are borrowed pointers (<see langword="nint"/>) owned by the proactor or
/// their connection, valid on the connection's own thread until it is closed. Strings go in as UTF-8.
/// </summary>
internal static unsafe partial class Proton
{
    /// <summary>The name the stubs import; <see cref="ProtonLibrary"/> resolves it to the installed library.</summary>
    public const string Library = "qpid-proton";

    public const int PN_EOS = -1;
    public const int PN_OVERFLOW = -3;

    public const ulong PN_RECEIVED = 0x23;
    public const ulong PN_ACCEPTED = 0x24;
    public const ulong PN_REJECTED = 0x25;
    public const ulong PN_RELEASED = 0x26;
    public const ulong PN_MODIFIED = 0x27;

    public const int PN_BINARY = 19;
    public const int PN_STRING = 20;
    public const int PN_SYMBOL = 21;
    public const int PN_MAP = 25;

    public const uint PN_NONDURABLE = 0;
    public const uint PN_CONFIGURATION = 1;

    static Proton() => ProtonLibrary.Register();

    // proactor.h
    [LibraryImport(Library)]
    public static partial ProactorHandle pn_proactor();

    [LibraryImport(Library)]
    public static partial void pn_proactor_free(nint proactor);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int pn_proactor_addr(byte* addr, nuint size, string host, string port);

    [LibraryImport(Library)]
    public static partial void pn_proactor_connect2(ProactorHandle proactor, nint connection, nint transport, byte* addr);

    [LibraryImport(Library)]
    public static partial nint pn_proactor_wait(ProactorHandle proactor);

    [LibraryImport(Library)]
    public static partial void pn_proactor_done(ProactorHandle proactor, nint batch);

    [LibraryImport(Library)]
    public static partial void pn_proactor_interrupt(ProactorHandle proactor);

    [LibraryImport(Library)]
    public static partial void pn_proactor_set_timeout(ProactorHandle proactor, uint milliseconds);

    [LibraryImport(Library)]
    public static partial void pn_proactor_cancel_timeout(ProactorHandle proactor);

    [LibraryImport(Library)]
    public static partial void pn_proactor_disconnect(ProactorHandle proactor, nint condition);

    [LibraryImport(Library)]
    public static partial nint pn_event_batch_next(nint batch);

    // event.h
    [LibraryImport(Library)]
    public static partial ProtonEventType pn_event_type(nint @event);

    [LibraryImport(Library)]
    public static partial nint pn_event_connection(nint @event);

    [LibraryImport(Library)]
    public static partial nint pn_event_session(nint @event);

    [LibraryImport(Library)]
    public static partial nint pn_event_link(nint @event);

    [LibraryImport(Library)]
    public static partial nint pn_event_delivery(nint @event);

    [LibraryImport(Library)]
    public static partial nint pn_event_transport(nint @event);

    // transport.h, sasl.h
    [LibraryImport(Library)]
    public static partial nint pn_transport();

    [LibraryImport(Library)]
    public static partial void pn_transport_set_idle_timeout(nint transport, uint milliseconds);

    [LibraryImport(Library)]
    public static partial nint pn_transport_condition(nint transport);

    [LibraryImport(Library)]
    public static partial nint pn_sasl(nint transport);

    [LibraryImport(Library)]
    public static partial void pn_sasl_set_allow_insecure_mechs(nint sasl, [MarshalAs(UnmanagedType.U1)] bool insecure);

    // connection.h, session.h
    [LibraryImport(Library)]
    public static partial nint pn_connection();

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial void pn_connection_set_container(nint connection, string container);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial void pn_connection_set_hostname(nint connection, string hostname);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial void pn_connection_set_user(nint connection, string user);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial void pn_connection_set_password(nint connection, string password);

    [LibraryImport(Library)]
    public static partial void pn_connection_open(nint connection);

    [LibraryImport(Library)]
    public static partial void pn_connection_close(nint connection);

    [LibraryImport(Library)]
    public static partial nint pn_connection_remote_condition(nint connection);

    [LibraryImport(Library)]
    public static partial void pn_connection_wake(nint connection);

    [LibraryImport(Library)]
    public static partial nint pn_connection_remote_properties(nint connection);

    [LibraryImport(Library)]
    public static partial nint pn_session(nint connection);

    [LibraryImport(Library)]
    public static partial void pn_session_open(nint session);

    [LibraryImport(Library)]
    public static partial nint pn_session_remote_condition(nint session);

    // link.h, terminus.h
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint pn_sender(nint session, string name);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint pn_receiver(nint session, string name);

    [LibraryImport(Library)]
    public static partial nint pn_link_source(nint link);

    [LibraryImport(Library)]
    public static partial nint pn_link_target(nint link);

    [LibraryImport(Library)]
    public static partial void pn_link_open(nint link);

    [LibraryImport(Library)]
    [return: MarshalAs(UnmanagedType.U1)]
    public static partial bool pn_link_is_sender(nint link);

    [LibraryImport(Library)]
    public static partial int pn_link_credit(nint link);

    [LibraryImport(Library)]
    public static partial void pn_link_flow(nint receiver, int credit);

    [LibraryImport(Library)]
    public static partial int pn_link_queued(nint link);

    [LibraryImport(Library)]
    public static partial int pn_link_remote_credit(nint link);

    [LibraryImport(Library)]
    public static partial nint pn_link_send(nint sender, byte* bytes, nuint size);

    [LibraryImport(Library)]
    public static partial nint pn_link_recv(nint receiver, byte* bytes, nuint size);

    [LibraryImport(Library)]
    [return: MarshalAs(UnmanagedType.U1)]
    public static partial bool pn_link_advance(nint link);

    [LibraryImport(Library)]
    public static partial nint pn_link_remote_condition(nint link);

    [LibraryImport(Library)]
    public static partial nint pn_link_name(nint link);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int pn_terminus_set_address(nint terminus, string address);

    [LibraryImport(Library)]
    public static partial int pn_terminus_set_durability(nint terminus, uint durability);

    // delivery.h, disposition.h, condition.h
    [LibraryImport(Library)]
    public static partial nint pn_delivery(nint link, PnBytes tag);

    [LibraryImport(Library)]
    public static partial nint pn_delivery_link(nint delivery);

    [LibraryImport(Library)]
    [return: MarshalAs(UnmanagedType.U1)]
    public static partial bool pn_delivery_readable(nint delivery);

    [LibraryImport(Library)]
    [return: MarshalAs(UnmanagedType.U1)]
    public static partial bool pn_delivery_partial(nint delivery);

    [LibraryImport(Library)]
    public static partial nuint pn_delivery_pending(nint delivery);

    [LibraryImport(Library)]
    public static partial ulong pn_delivery_remote_state(nint delivery);

    [LibraryImport(Library)]
    [return: MarshalAs(UnmanagedType.U1)]
    public static partial bool pn_delivery_settled(nint delivery);

    [LibraryImport(Library)]
    public static partial void pn_delivery_update(nint delivery, ulong state);

    [LibraryImport(Library)]
    public static partial void pn_delivery_settle(nint delivery);

    [LibraryImport(Library)]
    public static partial nint pn_delivery_local(nint delivery);

    [LibraryImport(Library)]
    public static partial nint pn_delivery_remote(nint delivery);

    [LibraryImport(Library)]
    public static partial nint pn_disposition_condition(nint disposition);

    [LibraryImport(Library)]
    [return: MarshalAs(UnmanagedType.U1)]
    public static partial bool pn_condition_is_set(nint condition);

    [LibraryImport(Library)]
    public static partial nint pn_condition_get_name(nint condition);

    [LibraryImport(Library)]
    public static partial nint pn_condition_get_description(nint condition);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int pn_condition_set_name(nint condition, string name);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int pn_condition_set_description(nint condition, string description);

    // message.h, codec.h
    [LibraryImport(Library)]
    public static partial MessageHandle pn_message();

    [LibraryImport(Library)]
    public static partial void pn_message_free(nint message);

    [LibraryImport(Library)]
    public static partial void pn_message_clear(MessageHandle message);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int pn_message_set_address(MessageHandle message, string address);

    [LibraryImport(Library)]
    public static partial int pn_message_set_durable(MessageHandle message, [MarshalAs(UnmanagedType.U1)] bool durable);

    [LibraryImport(Library)]
    public static partial int pn_message_set_inferred(MessageHandle message, [MarshalAs(UnmanagedType.U1)] bool inferred);

    [LibraryImport(Library)]
    public static partial nint pn_message_id(MessageHandle message);

    [LibraryImport(Library)]
    public static partial nint pn_message_body(MessageHandle message);

    [LibraryImport(Library)]
    public static partial int pn_message_encode(MessageHandle message, byte* bytes, nuint* size);

    [LibraryImport(Library)]
    public static partial int pn_message_decode(MessageHandle message, byte* bytes, nuint size);

    [LibraryImport(Library)]
    public static partial int pn_data_put_string(nint data, PnBytes value);

    [LibraryImport(Library)]
    public static partial void pn_data_clear(nint data);

    [LibraryImport(Library)]
    public static partial void pn_data_rewind(nint data);

    [LibraryImport(Library)]
    [return: MarshalAs(UnmanagedType.U1)]
    public static partial bool pn_data_next(nint data);

    [LibraryImport(Library)]
    [return: MarshalAs(UnmanagedType.U1)]
    public static partial bool pn_data_enter(nint data);

    [LibraryImport(Library)]
    public static partial int pn_data_type(nint data);

    [LibraryImport(Library)]
    public static partial PnBytes pn_data_get_string(nint data);

    [LibraryImport(Library)]
    public static partial PnBytes pn_data_get_binary(nint data);

    [LibraryImport(Library)]
    public static partial PnBytes pn_data_get_symbol(nint data);

    /// <summary>A C string Proton owns, copied; <see langword="null"/> for a null pointer.</summary>
    public static string? ReadString(nint text) => text == 0 ? null : Marshal.PtrToStringUTF8(text);

    /// <summary>A condition as <c>name: description</c>, or <see langword="null"/> when none is set.</summary>
    public static string? DescribeCondition(nint condition)
    {
        if (condition == 0 || !pn_condition_is_set(condition))
        {
            return null;
        }

        var name = ReadString(pn_condition_get_name(condition));
        var description = ReadString(pn_condition_get_description(condition));
        return description is null ? name : $"{name}: {description}";
    }
}

/// <summary>Proton's <c>pn_bytes_t</c>: a length and a pointer, passed and returned by value.</summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly unsafe struct PnBytes(nuint size, byte* start)
{
    public readonly nuint Size = size;
    public readonly byte* Start = start;

    public System.ReadOnlySpan<byte> AsSpan() => Start == null ? default : new System.ReadOnlySpan<byte>(Start, checked((int)Size));
}
