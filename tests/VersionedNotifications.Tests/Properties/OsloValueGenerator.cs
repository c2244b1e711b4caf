using System.Buffers.Binary;
using System.Collections;
using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;

namespace VersionedNotifications.Tests.Properties;

/// <summary>
/// Random values for the byte-for-byte comparison with oslo, each made twice: as the C# value our writer gets, and as
/// the tagged value tests/interop/oslo_bytes.py turns into the same Python value (strings as UTF-16 code units, floats
/// as their bits, datetimes as UTC fields), so nothing is lost or normalised on the way to Python. Payload objects
/// follow the real nova or ironic class: its fields in its order, values its oslo field types accept.
/// </summary>
internal sealed class OsloValueGenerator(Random random, Func<string, JsonObject> schemaOf)
{
    private static readonly double[] SpecialDoubles =
    [
        0.0, -0.0, 1.0, 3.0, -2.0, 0.1, 0.5, 1e16, 1e15, 123456789012345678.0, 9007199254740992.0, 9007199254740993.0,
        1e22, 1e23, 1.5e-7, 1e-5, 0.0001, 1e-4, 5e-324, 2.2250738585072014e-308, double.MaxValue, double.MinValue,
        -1.5e300, 1.7976931348623157e308, 4.35, 2.675, 1.0 / 3, 100.0, 1e-323,
    ];

    private const string Punctuation = "\"\\/\u007f'<>&";

    // Characters a writer may treat specially: line and paragraph separators, the byte order mark, a noncharacter.
    private const string OddCharacters = "\u00e9\u2028\u2029\ufeff\uffff\ufffd\u0600\u200b\ue000";

    /// <summary>A lone surrogate in some texts: Python's str and C#'s string both hold one.</summary>
    public bool LoneSurrogates { get; init; }

    /// <summary>NaN and the infinities in float fields: json.dumps writes NaN, Infinity and -Infinity.</summary>
    public bool NonFiniteFloats { get; init; } = true;

    /// <summary>A random versioned payload of <paramref name="type"/> (a generated nova or ironic record) and its tagged form.</summary>
    public (object Value, JsonObject Tagged) Payload(Type type, int depth = 0)
    {
        var info = (VersionedObjectInfo)type.GetProperty("ObjectInfo", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
        var schema = schemaOf(info.Namespace + ":" + info.Name);
        var instance = Activator.CreateInstance(type)!;
        var fields = new JsonArray();
        foreach (var field in schema["fields"]!.AsArray().Select(f => f!.AsObject()))
        {
            var name = field["name"]!.GetValue<string>();
            var property = type.GetProperty(PascalCase(name))
                ?? throw new InvalidOperationException($"{info.Name} has no property for the real class's field {name}");
            var pythonType = field["type"]!.GetValue<string>();
            var pythonNullable = field["nullable"]!.GetValue<bool>();
            var values = field["values"] is JsonArray list ? list.Select(v => v!.GetValue<string>()).ToArray() : null;
            var nullability = new NullabilityInfoContext().Create(property);
            var propertyType = property.PropertyType;
            if (propertyType.IsGenericType && propertyType.GetGenericTypeDefinition() == typeof(Optional<>))
            {
                // An absent field: oslo leaves a field the code never set out of the primitive.
                if (random.Next(4) == 0)
                {
                    continue;
                }

                var inner = propertyType.GetGenericArguments()[0];
                var (optionalValue, optionalTagged) = Value(inner, nullability.GenericTypeArguments[0], pythonType, pythonNullable, values, depth);
                property.SetValue(instance, Activator.CreateInstance(propertyType, optionalValue));
                fields.Add(new JsonArray(name, optionalTagged));
                continue;
            }

            var (value, tagged) = Value(propertyType, nullability, pythonType, pythonNullable, values, depth);
            property.SetValue(instance, value);
            fields.Add(new JsonArray(name, tagged));
        }

        return (instance, new JsonObject { ["obj"] = info.Namespace + ":" + info.Name, ["version"] = info.Version, ["fields"] = fields });
    }

    /// <summary>Text with everything json.dumps escapes: quotes, backslashes, control characters, DEL, every plane.</summary>
    /// <param name="maxLength">The most characters.</param>
    /// <param name="loneSurrogates">Whether a lone surrogate may come (as <see cref="LoneSurrogates"/> allows): not in a
    /// <see cref="System.Text.Json.JsonElement"/>, which cannot hold one, and not in a dictionary key, which
    /// System.Text.Json's writer writes with U+FFFD in its place (docs/wire-format.md, "Byte for byte").</param>
    public string Text(int maxLength = 12, bool loneSurrogates = true)
    {
        var builder = new StringBuilder();
        for (var i = random.Next(maxLength + 1); i > 0; i--)
        {
            switch (random.Next(12))
            {
                case 0:
                    builder.Append((char)random.Next(0x20));
                    break;
                case 1:
                    builder.Append(Punctuation[random.Next(Punctuation.Length)]);
                    break;
                case 2:
                    builder.Append((char)random.Next(0x80, 0x800));
                    break;
                case 3:
                    builder.Append(OddCharacters[random.Next(OddCharacters.Length)]);
                    break;
                case 4:
                    builder.Append((char)random.Next(0x800, 0xD800));
                    break;
                case 5:
                    // Every plane above the BMP: 1 (emoji, music), 2-3 (ideographs), 4-13 (unassigned), 14 (tags), 15-16 (private use).
                    builder.Append(char.ConvertFromUtf32((random.Next(1, 17) << 16) | random.Next(0x10000)));
                    break;
                case 6 when LoneSurrogates && loneSurrogates && random.Next(4) == 0:
                    builder.Append((char)random.Next(0xD800, 0xE000));
                    break;
                default:
                    builder.Append((char)random.Next(0x20, 0x7F));
                    break;
            }
        }

        return builder.ToString();
    }

    public static JsonObject TaggedText(string text)
    {
        var hex = new StringBuilder(text.Length * 4);
        foreach (var unit in text)
        {
            hex.Append(((int)unit).ToString("x4", CultureInfo.InvariantCulture));
        }

        return new JsonObject { ["s"] = hex.ToString() };
    }

    public static JsonObject TaggedInteger(long value) => new() { ["i"] = value.ToString(CultureInfo.InvariantCulture) };

    public static JsonObject TaggedDouble(double value)
    {
        Span<byte> bits = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bits, BitConverter.DoubleToInt64Bits(value));
        return new JsonObject { ["f"] = Convert.ToHexStringLower(bits) };
    }

    /// <summary>A UTC instant as Python's datetime fields, to the microsecond (the 100 ns tick below it is dropped).</summary>
    public static JsonArray DateTimeFields(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        return new JsonArray(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, utc.Second, (int)(utc.Ticks % TimeSpan.TicksPerSecond / 10));
    }

    public double Double()
    {
        return random.Next(10) switch
        {
            0 or 1 => SpecialDoubles[random.Next(SpecialDoubles.Length)],
            2 => Math.Round((random.NextDouble() - 0.5) * Math.Pow(10, random.Next(0, 20))),
            3 => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-320, -4)),
            4 => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(15, 308)),
            5 when NonFiniteFloats && random.Next(3) == 0 => new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity }[random.Next(3)],
            6 => random.Next(-1000, 1000) / 8.0,
            _ => RandomBits(),
        };
    }

    /// <summary>Any instant, any offset, at any precision: whole seconds, milliseconds, microseconds, the 100 ns tick.</summary>
    public DateTimeOffset Instant()
    {
        var ticks = random.NextInt64(new DateTime(1970, 1, 1).Ticks, new DateTime(2100, 1, 1).Ticks);
        ticks -= ticks % (random.Next(5) switch { 0 => TimeSpan.TicksPerSecond, 1 => TimeSpan.TicksPerMillisecond, 2 => 10, _ => 1 });
        if (random.Next(8) == 0)
        {
            // The last tick of a second: a writer that rounds instead of cutting shows here.
            ticks += TimeSpan.TicksPerSecond - 1 - (ticks % TimeSpan.TicksPerSecond);
        }

        return new DateTimeOffset(ticks, TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(random.Next(-12 * 60, 14 * 60)));
    }

    public static string PascalCase(string wireName)
    {
        var builder = new StringBuilder();
        foreach (var part in System.Text.RegularExpressions.Regex.Split(wireName, "[^A-Za-z0-9]"))
        {
            if (part.Length > 0)
            {
                builder.Append(char.ToUpperInvariant(part[0])).Append(part.AsSpan(1));
            }
        }

        return builder.ToString();
    }

    private (object? Value, JsonNode? Tagged) Value(Type type, NullabilityInfo nullability, string pythonType, bool pythonNullable, string[]? values, int depth)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        var csharpNullable = underlying is not null || nullability.ReadState == NullabilityState.Nullable;
        // ironic's FlexibleDictField writes {} for None (its _null), so ironic never sends null there; the definitions keep
        // the field nullable for reading, and a program that wants ironic's bytes sets {} (docs/wire-format.md).
        if (csharpNullable && pythonNullable && pythonType != "FlexibleDict" && random.Next(6) == 0)
        {
            return (null, null);
        }

        type = underlying ?? type;
        if (values is not null && (type == typeof(string) || type.GetProperty("KnownValues", BindingFlags.Public | BindingFlags.Static) is not null))
        {
            var text = values[random.Next(values.Length)];
            // nova's DiskConfig takes a boolean and sends AUTO for true, MANUAL for false.
            JsonNode tagged = pythonType == "DiskConfig" ? JsonValue.Create(text == "AUTO") : TaggedText(text);
            return (type == typeof(string) ? text : Activator.CreateInstance(type, text), tagged);
        }

        if (type == typeof(string))
        {
            var text = pythonType switch
            {
                "IPV4AndV6Address" or "IPAddress" or "IPV4Address" or "IPV6Address" => IpAddress().ToString(),
                "VersionPredicate" => string.Create(CultureInfo.InvariantCulture, $"{new[] { ">=", "<", "==", "!=" }[random.Next(4)]}{random.Next(10)}.{random.Next(30)}"),
                "MACAddress" => string.Join(':', Enumerable.Range(0, 6).Select(_ => random.Next(256).ToString("x2", CultureInfo.InvariantCulture))),
                _ => Text(),
            };
            return (text, TaggedText(text));
        }

        if (type == typeof(long))
        {
            var number = random.Next(6) switch
            {
                0 => long.MinValue,
                1 => long.MaxValue,
                2 => 0L,
                3 => -random.NextInt64(1, long.MaxValue),
                _ => random.NextInt64(-1_000_000, 1_000_000),
            };
            return (number, TaggedInteger(number));
        }

        if (type == typeof(double))
        {
            var number = Double();
            return (number, TaggedDouble(number));
        }

        if (type == typeof(bool))
        {
            var flag = random.Next(2) == 0;
            return (flag, JsonValue.Create(flag));
        }

        if (type == typeof(Uuid))
        {
            var guid = new Guid(RandomBytes(16));
            var text = random.Next(6) switch
            {
                0 => guid.ToString("D").ToUpperInvariant(),
                1 => guid.ToString("N"),
                2 => guid.ToString("B"),
                3 => Text(),
                _ => guid.ToString("D"),
            };
            return (new Uuid(text), TaggedText(text));
        }

        if (type == typeof(DateTimeOffset))
        {
            var instant = Instant();
            return (instant, new JsonObject { ["dt"] = DateTimeFields(instant) });
        }

        if (type == typeof(IPAddress))
        {
            var address = IpAddress();
            return (address, TaggedText(address.ToString()));
        }

        if (type == typeof(JsonObject))
        {
            var (node, tagged) = FreeForm(depth, objectOnly: true);
            return (node, tagged);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            var element = type.GetGenericArguments()[0];
            var elementPython = Inner(pythonType);
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
            var tagged = new JsonArray();
            if (pythonType.StartsWith("Set(", StringComparison.Ordinal))
            {
                // A set travels in the order Python iterates it, which is its hash table's: ascending only for integers
                // below the table's size (8 at least). Larger ones come in an order the C# side cannot know ({0, 41, 13}
                // is sent [0, 41, 13]), so the sets here hold 0 to 7, each once, ascending.
                foreach (var number in Enumerable.Range(0, 8).Where(_ => random.Next(2) == 0).Select(n => (long)n))
                {
                    list.Add(number);
                    tagged.Add(TaggedInteger(number));
                }

                return (list, new JsonObject { ["set"] = tagged });
            }

            for (var i = random.Next(depth > 1 ? 2 : 4); i > 0; i--)
            {
                var (item, itemTagged) = Value(element, nullability.GenericTypeArguments[0], elementPython, ElementNullable(element, nullability.GenericTypeArguments[0]), values, depth + 1);
                list.Add(item);
                tagged.Add(itemTagged);
            }

            return (list, new JsonObject { ["list"] = tagged });
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))
        {
            var element = type.GetGenericArguments()[1];
            var elementPython = Inner(pythonType);
            var dictionary = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(typeof(string), element))!;
            var tagged = new JsonArray();
            for (var i = random.Next(depth > 1 ? 2 : 4); i > 0; i--)
            {
                var key = Text(8, loneSurrogates: false) + i.ToString(CultureInfo.InvariantCulture);
                var (item, itemTagged) = Value(element, nullability.GenericTypeArguments[1], elementPython, ElementNullable(element, nullability.GenericTypeArguments[1]), values, depth + 1);
                dictionary[key] = item;
                tagged.Add(new JsonArray(TaggedText(key), itemTagged));
            }

            return (dictionary, new JsonObject { ["dict"] = tagged });
        }

        if (type.GetProperty("ObjectInfo", BindingFlags.Public | BindingFlags.Static) is not null)
        {
            return Payload(type, depth + 1);
        }

        throw new InvalidOperationException($"No random value for {type} (oslo's {pythonType})");
    }

    /// <summary>
    /// A free-form JSON value as a C# program builds one for a flexible dict (<see cref="JsonValue.Create(double)"/> and
    /// so on), and the same Python value: floats of every kind (NaN and the infinities, which Python's json writes as
    /// words, when <see cref="NonFiniteFloats"/>), integers, text, nested lists and dicts, empty ones too.
    /// </summary>
    public (JsonNode? Node, JsonNode? Tagged) FreeForm(int depth, bool objectOnly = false)
    {
        switch (objectOnly ? 7 : random.Next(depth > 2 ? 6 : 8))
        {
            case 0:
                return (null, null);
            case 1:
                var flag = random.Next(2) == 0;
                return (JsonValue.Create(flag), JsonValue.Create(flag));
            case 2:
                var integer = random.NextInt64(long.MinValue, long.MaxValue) >> random.Next(64);
                return (JsonValue.Create(integer), TaggedInteger(integer));
            case 3:
            case 4:
                var number = Double();
                return (JsonValue.Create(number), TaggedDouble(number));
            case 5:
                var text = Text();
                return (JsonValue.Create(text), TaggedText(text));
            case 6:
                var list = new JsonArray();
                var taggedList = new JsonArray();
                for (var i = random.Next(4); i > 0; i--)
                {
                    var (item, tagged) = FreeForm(depth + 1);
                    list.Add(item);
                    taggedList.Add(tagged);
                }

                return (list, new JsonObject { ["list"] = taggedList });
            default:
                var dictionary = new JsonObject();
                var taggedDictionary = new JsonArray();
                for (var i = random.Next(depth > 1 ? 3 : 5); i > 0; i--)
                {
                    var key = Text(8, loneSurrogates: false) + i.ToString(CultureInfo.InvariantCulture);
                    var (item, tagged) = FreeForm(depth + 1);
                    dictionary[key] = item;
                    taggedDictionary.Add(new JsonArray(TaggedText(key), tagged));
                }

                return (dictionary, new JsonObject { ["dict"] = taggedDictionary });
        }
    }

    // An element may be null where C# says so: oslo's element types are nullable only where nova says (DictOfNullableStrings).
    private static bool ElementNullable(Type element, NullabilityInfo nullability) =>
        Nullable.GetUnderlyingType(element) is not null || nullability.ReadState == NullabilityState.Nullable;

    private static string Inner(string pythonType)
    {
        var open = pythonType.IndexOf('(', StringComparison.Ordinal);
        return open < 0 ? pythonType : pythonType[(open + 1)..^1];
    }

    private IPAddress IpAddress()
    {
        return random.Next(5) switch
        {
            0 => new IPAddress(RandomBytes(4)),
            1 => IPAddress.Parse("::ffff:" + new IPAddress(RandomBytes(4))),
            2 => IPAddress.Parse(string.Join(':', Enumerable.Range(0, 8).Select(_ => random.Next(3) == 0 ? "0" : random.Next(0x10000).ToString("x", CultureInfo.InvariantCulture)))),
            3 => IPAddress.Parse(new[] { "::", "::1", "fe80::1", "2001:db8::", "::1.2.3.4", "64:ff9b::1.2.3.4", "0.0.0.0", "255.255.255.255" }[random.Next(8)]),
            _ => new IPAddress(RandomBytes(16)),
        };
    }

    private double RandomBits()
    {
        double value;
        do
        {
            value = BitConverter.Int64BitsToDouble(random.NextInt64(long.MinValue, long.MaxValue));
        }
        while (!double.IsFinite(value));

        return value;
    }

    private byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }
}
