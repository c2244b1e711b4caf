using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using VersionedNotifications.Drivers;
using VersionedNotifications.OpenStack;
using VersionedNotifications.Wire;

namespace VersionedNotifications.Tests.Properties;

/// <summary>
/// Random notifications written by us and by oslo, compared byte for byte. Each case is a nova or ironic payload
/// object (every payload class of the contracts, nested objects, lists, sets, dicts and flexible dicts, nullable and
/// absent fields) or a text payload, with random values (text from every Unicode plane with control characters, DEL and lone
/// surrogates; large, tiny, negative, integral and non-finite floats; instants at every precision and offset) and a
/// random envelope (unicode publisher and event type, request context). tests/interop/oslo_bytes.py builds the same
/// values as a real nova or ironic object, sends it through oslo.messaging's Notifier and oslo's AMQP driver functions, and
/// returns the v1 and v2 bodies; we write the same notification with <see cref="NotificationWriter"/> and with the
/// drivers' <see cref="OutgoingNotification"/>. One Python process answers every case.
/// </summary>
/// <remarks>
/// <c>VN_BYTES_CASES=N</c> runs N cases instead of <see cref="DefaultCases"/>; each case has its own seed
/// (<see cref="Seed"/> + its number), which a failure names.
/// </remarks>
public sealed class OsloBytesPropertyTests
{
    private const int DefaultCases = 2000;
    private const int Seed = 170_000;
    private const int FailuresShown = 8;

    // The keys oslo.messaging's Notifier passes on (notifier._sanitize_context); it drops every other key of the request
    // context, so a case with another key would not be the same notification on both sides.
    private static readonly string[] ContextKeys =
    [
        "user_id", "project_id", "domain_id", "user_domain_id", "project_domain_id", "is_admin", "request_id", "roles", "user_name",
        "project_name", "domain_name", "user_domain_name", "project_domain_name", "service_user_id", "service_user_domain_id",
        "service_user_domain_name", "service_project_id", "service_project_name", "service_project_domain_id",
        "service_project_domain_name", "service_roles", "global_request_id", "system_scope", "user", "domain", "user_domain", "project_domain",
    ];

    internal static readonly PayloadWriteOptions Unmasked = new() { MaskSecrets = false };

    private static readonly MethodInfo CreateNotification = typeof(Notification).GetMethods(BindingFlags.Public | BindingFlags.Static)
        .Single(m => m.Name == nameof(Notification.Create) && m.GetParameters()[0].ParameterType == typeof(NotificationHeader));

    [Fact]
    public void Random_notifications_are_written_byte_for_byte_as_oslo_writes_them() => AssertSameAsOslo("nova", loneSurrogates: false);

    /// <summary>
    /// ironic's payloads: flexible dicts (free-form JSON with floats, NaN and the infinities), MAC addresses, and the
    /// field order of ironic's classes.
    /// </summary>
    [Fact]
    public void Random_ironic_notifications_are_written_byte_for_byte_as_oslo_writes_them() => AssertSameAsOslo("ironic", loneSurrogates: false);

    /// <summary>
    /// The same with lone surrogates in the texts (Python's str and C#'s string hold them; json.dumps writes
    /// <c>\ud800</c>). Kept apart so that the other cases stay green while this one is not.
    /// </summary>
    [Fact]
    public void Random_notifications_with_lone_surrogates_are_written_byte_for_byte_as_oslo_writes_them() => AssertSameAsOslo("nova", loneSurrogates: true);

    private static void AssertSameAsOslo(string service, bool loneSurrogates)
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("VN_BYTES_CASES"), CultureInfo.InvariantCulture, out var asked) ? asked : DefaultCases;
        using var peer = OsloPeer.Start();
        var schemas = Schemas(peer);
        var payloadTypes = PayloadTypes(service).Where(t => schemas.ContainsKey(Key(t))).ToArray();
        // BandwidthPayload went with InstanceUpdatePayload 1.9 (nova 24); Debian's nova 26 has only 2.0, without it.
        var missing = PayloadTypes(service).Where(t => !schemas.ContainsKey(Key(t))).Select(t => Info(t).ToString());
        Assert.Equal(service == "nova" ? ["BandwidthPayload 1.0"] : [], missing);

        var failures = new List<string>();
        var failed = 0;
        for (var number = 0; number < count; number++)
        {
            var random = new Random(Seed + number);
            var (notification, request) = Case(random, payloadTypes, schemas, number, loneSurrogates);
            var reply = peer.Ask(request);
            var problem = Compare(notification, reply);
            if (problem is not null)
            {
                failed++;
                if (failures.Count < FailuresShown)
                {
                    failures.Add($"case {number} (seed {Seed + number}), {notification.EventType} with {PayloadName(notification)}: {problem}");
                }
            }
        }

        Assert.True(failed == 0, $"{failed} of {count} cases differ from oslo; the first {failures.Count}:\n\n" + string.Join("\n\n", failures));
    }

    /// <summary>The nova or ironic payload contracts of the OpenStack package, nested objects included.</summary>
    internal static IEnumerable<Type> PayloadTypes(string service) =>
        ((INotificationContracts)OpenStackJsonContext.Default).Payloads
            .Where(p => p.ObjectInfo.Namespace == service && p.ObjectInfo.IsVersioned)
            .Select(p => p.PayloadType);

    /// <summary>The real nova and ironic classes of those contracts, of the same version (a newer or older class is left out).</summary>
    internal static Dictionary<string, JsonObject> Schemas(OsloPeer peer)
    {
        var types = PayloadTypes("nova").Concat(PayloadTypes("ironic")).ToArray();
        var reply = peer.Ask(new JsonObject { ["schema"] = new JsonArray(types.Select(t => (JsonNode)new JsonArray(Info(t).Namespace, Info(t).Name)).ToArray()) });
        var schemas = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var type in types)
        {
            if (reply["schema"]![Key(type)] is JsonObject schema && schema["version"]!.GetValue<string>() == Info(type).Version)
            {
                schemas[Key(type)] = schema;
            }
        }

        return schemas;
    }

    internal static (Notification Notification, JsonObject Request) Case(Random random, Type[] payloadTypes, Dictionary<string, JsonObject> schemas, int number, bool loneSurrogates)
    {
        var values = new OsloValueGenerator(random, key => schemas[key]) { LoneSurrogates = loneSurrogates };
        var (header, envelope) = Envelope(random, values);
        Notification notification;
        JsonNode payload;
        if (random.Next(10) == 0)
        {
            var text = values.Text(40);
            notification = Notification.CreateText(header, text);
            payload = OsloValueGenerator.TaggedText(text);
        }
        else
        {
            var type = payloadTypes[random.Next(payloadTypes.Length)];
            var (value, tagged) = values.Payload(type);
            notification = (Notification)CreateNotification.MakeGenericMethod(type).Invoke(null, [header, value])!;
            payload = tagged;
        }

        return (notification, new JsonObject { ["case"] = number, ["envelope"] = envelope, ["payload"] = payload });
    }

    /// <summary>Compares our bodies with oslo's; null when all four are the same bytes.</summary>
    internal static string? Compare(Notification notification, JsonObject reply)
    {
        if (reply["error"] is JsonNode error)
        {
            return "oslo refused the values:\n" + error.GetValue<string>();
        }

        var osloV2 = Encoding.UTF8.GetBytes(reply["v2"]!.GetValue<string>());
        var osloV1 = reply["v1"] is JsonNode v1 ? Encoding.UTF8.GetBytes(v1.GetValue<string>()) : null;
        try
        {
            var outgoing = OutgoingNotification.Create(notification, ["notifications"], Unmasked);
            return Difference("v2 (NotificationWriter)", osloV2, NotificationWriter.Write(notification, MessageFormat.MessagingV2, Unmasked))
                ?? Difference("v2 (OutgoingNotification)", osloV2, outgoing.ToMessagingV2())
                ?? (osloV1 is null ? null : Difference("v1 (NotificationWriter)", osloV1, NotificationWriter.Write(notification, MessageFormat.MessagingV1, Unmasked)))
                ?? (osloV1 is null ? null : Difference("v1 (OutgoingNotification)", osloV1, outgoing.ToMessagingV1()));
        }
        catch (Exception exception)
        {
            return $"we could not write what oslo wrote as\n  {reply["v2"]}\n{exception}";
        }
    }

    /// <summary>Where two bodies first differ, with both sides around it; null when they are the same bytes.</summary>
    internal static string? Difference(string form, byte[] oslo, byte[] ours)
    {
        if (oslo.AsSpan().SequenceEqual(ours))
        {
            return null;
        }

        var at = oslo.AsSpan().CommonPrefixLength(ours);
        var from = Math.Max(0, at - 80);
        return $"{form} differs at byte {at}:\n" +
            $"  oslo: ...{Encoding.UTF8.GetString(oslo, from, Math.Min(oslo.Length - from, 200))}\n" +
            $"  ours: ...{Encoding.UTF8.GetString(ours, from, Math.Min(ours.Length - from, 200))}";
    }

    private static (NotificationHeader Header, JsonObject Tagged) Envelope(Random random, OsloValueGenerator values)
    {
        var priorities = Enum.GetValues<NotificationPriority>();
        var priority = priorities[random.Next(priorities.Length)];
        var instant = values.Instant();
        // The envelope timestamp is str() of Python's utcnow(): microseconds at most.
        instant = instant.AddTicks(-(instant.UtcTicks % 10));
        var publisher = values.Text(20);
        var eventType = values.Text(20);
        var header = NotificationHeader.New(eventType, priority, publisher) with
        {
            MessageId = new Guid(RandomBytes(random, 16)).ToString("D"),
            Timestamp = instant,
            UniqueId = new Guid(RandomBytes(random, 16)).ToString("N"),
        };

        var context = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var taggedContext = new JsonArray();
        foreach (var key in ContextKeys.Where(_ => random.Next(6) == 0).OrderBy(_ => random.Next()))
        {
            var (value, tagged) = ContextValue(random, values, 0);
            context[key] = JsonSerializer.SerializeToElement(value);
            taggedContext.Add(new JsonArray(OsloValueGenerator.TaggedText(key), tagged));
        }

        header = header with { Context = context };
        return (header, new JsonObject
        {
            ["message_id"] = header.MessageId,
            ["publisher_id"] = OsloValueGenerator.TaggedText(publisher),
            ["event_type"] = OsloValueGenerator.TaggedText(eventType),
            ["priority"] = PriorityNames.ToWire(priority).ToLowerInvariant(),
            ["timestamp"] = OsloValueGenerator.DateTimeFields(instant),
            ["unique_id"] = header.UniqueId,
            ["context"] = taggedContext,
        });
    }

    /// <summary>A request context value: what oslo.context's to_dict() holds, and whatever else a service adds.</summary>
    private static (JsonNode? Value, JsonNode? Tagged) ContextValue(Random random, OsloValueGenerator values, int depth)
    {
        switch (random.Next(depth > 0 ? 5 : 7))
        {
            case 0:
                return (null, null);
            case 1:
                var flag = random.Next(2) == 0;
                return (JsonValue.Create(flag), JsonValue.Create(flag));
            case 2:
                var number = random.NextInt64(long.MinValue, long.MaxValue) >> random.Next(64);
                return (JsonValue.Create(number), OsloValueGenerator.TaggedInteger(number));
            case 3:
            case 4:
                var text = values.Text(16, loneSurrogates: false);
                return (JsonValue.Create(text), OsloValueGenerator.TaggedText(text));
            case 5:
                var list = new JsonArray();
                var taggedList = new JsonArray();
                for (var i = random.Next(4); i > 0; i--)
                {
                    var (item, tagged) = ContextValue(random, values, depth + 1);
                    list.Add(item);
                    taggedList.Add(tagged);
                }

                return (list, new JsonObject { ["list"] = taggedList });
            default:
                var dictionary = new JsonObject();
                var taggedDictionary = new JsonArray();
                for (var i = random.Next(4); i > 0; i--)
                {
                    var key = values.Text(6, loneSurrogates: false) + i;
                    var (item, tagged) = ContextValue(random, values, depth + 1);
                    dictionary[key] = item;
                    taggedDictionary.Add(new JsonArray(OsloValueGenerator.TaggedText(key), tagged));
                }

                return (dictionary, new JsonObject { ["dict"] = taggedDictionary });
        }
    }

    private static VersionedObjectInfo Info(Type type) =>
        (VersionedObjectInfo)type.GetProperty("ObjectInfo", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

    private static string Key(Type type) => Info(type).Namespace + ":" + Info(type).Name;

    private static string PayloadName(Notification notification) =>
        notification.PayloadValue is string ? "a text payload" : Info(notification.PayloadValue.GetType()).ToString();

    private static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }
}
