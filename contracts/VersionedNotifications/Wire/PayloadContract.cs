using System;
using System.Text.Json;

namespace VersionedNotifications.Wire;

/// <summary>One payload type a set of contracts can read and write, found by its wire name or CLR type.</summary>
public abstract class PayloadContract
{
    private protected PayloadContract()
    {
    }

    /// <summary>The object's wire name, namespace and versions.</summary>
    public abstract VersionedObjectInfo ObjectInfo { get; }

    /// <summary>The generated record.</summary>
    public abstract Type PayloadType { get; }

    /// <summary>The contract of <typeparamref name="T"/>.</summary>
    public static PayloadContract For<T>()
        where T : class, INotificationPayload<T> => PayloadContract<T>.Instance;

    /// <summary>Reads a payload from the reader's current token; throws <see cref="WireFormatException"/> when it does not fit.</summary>
    public abstract object Read(ref Utf8JsonReader reader);

    /// <summary>Writes a payload of this type.</summary>
    /// <exception cref="InvalidCastException"><paramref name="payload"/> is not of <see cref="PayloadType"/>.</exception>
    public abstract void Write(Utf8JsonWriter writer, object payload, PayloadWriteOptions options);

    /// <summary>Writes a payload of this type in oslo's text.</summary>
    internal abstract void Write(OsloJsonWriter writer, object payload, PayloadWriteOptions options);

    /// <summary>A typed notification around <paramref name="payload"/>.</summary>
    internal abstract Notification CreateNotification(NotificationHeader header, object payload);
}

/// <summary>The contract of the generated record <typeparamref name="T"/>.</summary>
/// <typeparam name="T">The generated record.</typeparam>
public sealed class PayloadContract<T> : PayloadContract
    where T : class, INotificationPayload<T>
{
    internal static readonly PayloadContract<T> Instance = new();

    private PayloadContract()
    {
    }

    /// <inheritdoc/>
    public override VersionedObjectInfo ObjectInfo => T.ObjectInfo;

    /// <inheritdoc/>
    public override Type PayloadType => typeof(T);

    /// <inheritdoc/>
    public override object Read(ref Utf8JsonReader reader) => T.WireConverter.ReadValue(ref reader);

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, object payload, PayloadWriteOptions options) => T.WireConverter.WriteValue(writer, (T)payload, options);

    internal override void Write(OsloJsonWriter writer, object payload, PayloadWriteOptions options) => T.WireConverter.WriteValue(writer, (T)payload, options);

    internal override Notification CreateNotification(NotificationHeader header, object payload) => new Notification<T>(header, (T)payload) { Contract = this };
}
