using System.Collections;
using System.Net;
using System.Reflection;
using System.Text.Json.Nodes;

namespace VersionedNotifications.Tests.Properties;

/// <summary>
/// Random, fully populated instances of generated payload records, found by reflection over their
/// properties (tests only; the library itself uses none). Strings include quotes, escapes, control
/// characters and non-BMP text; numbers include the extremes; UUIDs come in every spelling and as
/// any text; enums include values no definition lists.
/// </summary>
internal sealed class PayloadValueGenerator(Random random)
{
    private static readonly string[] Texts = ["", "a", "power on", "quote \" and \\ backslash", "tab\tnew\nline", "\u0001\u001f", "naïve ☃ 𝄞", "</script>&<", "CUSTOM_TRAIT", "******"];

    public object Create(Type type, int depth = 0)
    {
        var instance = Activator.CreateInstance(type)!;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.Name != "WireState"))
        {
            property.SetValue(instance, Value(property.PropertyType, new NullabilityInfoContext().Create(property), depth));
        }

        return instance;
    }

    private object? Value(Type type, NullabilityInfo nullability, int depth)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if ((nullability.ReadState == NullabilityState.Nullable || underlying is not null) && random.Next(5) == 0)
        {
            return null;
        }

        type = underlying ?? type;
        if (type == typeof(string))
        {
            return random.Next(3) == 0 ? Texts[random.Next(Texts.Length)] : RandomText();
        }

        if (type == typeof(long))
        {
            return random.Next(6) switch { 0 => long.MinValue, 1 => long.MaxValue, 2 => 0L, _ => random.NextInt64(-1_000_000, 1_000_000) };
        }

        if (type == typeof(double))
        {
            return random.Next(8) switch { 0 => 0.1, 1 => 1e300, 2 => -2.5e-300, 3 => double.Epsilon, 4 => 3.0, 5 => 1e16, 6 => -0.0, _ => (random.NextDouble() - 0.5) * 1e6 };
        }

        if (type == typeof(bool))
        {
            return random.Next(2) == 0;
        }

        if (type == typeof(Uuid))
        {
            // oslo sends a UUID in any spelling, or any string at all; each must come back as it was.
            var bytes = new byte[16];
            random.NextBytes(bytes);
            var guid = new Guid(bytes);
            return random.Next(6) switch
            {
                0 => new Uuid(guid.ToString("D").ToUpperInvariant()),
                1 => new Uuid(guid.ToString("N")),
                2 => new Uuid(guid.ToString("B")),
                3 => new Uuid(random.Next(2) == 0 ? Texts[random.Next(Texts.Length)] : RandomText()),
                _ => (Uuid)guid,
            };
        }

        if (type == typeof(DateTimeOffset))
        {
            // Any instant, any offset, with or without a fraction down to the tick.
            var ticks = random.NextInt64(DateTime.UnixEpoch.Ticks, new DateTime(2100, 1, 1).Ticks);
            if (random.Next(2) == 0)
            {
                ticks -= ticks % TimeSpan.TicksPerSecond;
            }

            return new DateTimeOffset(ticks, TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(random.Next(-12 * 60, 14 * 60)));
        }

        if (type == typeof(IPAddress))
        {
            var bytes = new byte[random.Next(2) == 0 ? 4 : 16];
            random.NextBytes(bytes);
            return new IPAddress(bytes);
        }

        if (type == typeof(JsonObject))
        {
            return RandomObject(depth);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            var element = type.GetGenericArguments()[0];
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
            for (var i = random.Next(depth > 1 ? 1 : 4); i > 0; i--)
            {
                list.Add(Value(element, nullability.GenericTypeArguments[0], depth + 1));
            }

            return list;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))
        {
            var element = type.GetGenericArguments()[1];
            var dictionary = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(typeof(string), element))!;
            for (var i = random.Next(depth > 1 ? 1 : 4); i > 0; i--)
            {
                dictionary[RandomText() + i] = Value(element, nullability.GenericTypeArguments[1], depth + 1);
            }

            return dictionary;
        }

        if (type.IsValueType && type.GetProperty("KnownValues", BindingFlags.Public | BindingFlags.Static) is { } known)
        {
            var values = ((IEnumerable)known.GetValue(null)!).Cast<object>().ToList();
            return random.Next(4) == 0 || values.Count == 0 ? Activator.CreateInstance(type, "unlisted-" + random.Next(100)) : values[random.Next(values.Count)];
        }

        return Create(type, depth + 1);
    }

    private string RandomText()
    {
        var length = random.Next(0, 24);
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = random.Next(10) switch
            {
                0 => (char)random.Next(0x20),
                1 => (char)random.Next(0x80, 0xD7FF),
                _ => (char)random.Next(0x20, 0x7F),
            };
        }

        return new string(chars);
    }

    private JsonObject RandomObject(int depth)
    {
        var result = new JsonObject();
        for (var i = random.Next(depth > 1 ? 1 : 5); i > 0; i--)
        {
            JsonNode? value = random.Next(6) switch
            {
                0 => null,
                1 => JsonValue.Create(random.NextInt64()),
                2 => JsonValue.Create(RandomText()),
                3 => JsonValue.Create(random.Next(2) == 0),
                4 when depth < 3 => RandomObject(depth + 1),
                _ => new JsonArray(JsonValue.Create(1.5), JsonValue.Create("x")),
            };
            result[RandomText() + "_" + i] = value;
        }

        return result;
    }
}
