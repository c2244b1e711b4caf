using System.Buffers;
using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using VersionedNotifications.OpenStack;
using VersionedNotifications.Wire;

namespace VersionedNotifications.Tests.Properties;

/// <summary>
/// For every payload type of the OpenStack contracts: random fully populated values survive
/// write → read unchanged, and writing what was read gives the same bytes.
/// </summary>
public sealed class PayloadRoundTripTests
{
    private const int ValuesPerType = 40;
    private static readonly PayloadWriteOptions Unmasked = new() { MaskSecrets = false };

    public static IEnumerable<object[]> PayloadTypes() =>
        ((INotificationContracts)OpenStackJsonContext.Default).Payloads.Select(p => new object[] { p.PayloadType.FullName! });

    [Theory]
    [MemberData(nameof(PayloadTypes))]
    public void Random_values_round_trip(string typeName)
    {
        var contract = ((INotificationContracts)OpenStackJsonContext.Default).Payloads.Single(p => p.PayloadType.FullName == typeName);
        var generator = new PayloadValueGenerator(new Random(typeName.GetHashCode(StringComparison.Ordinal) ^ 7919));
        for (var i = 0; i < ValuesPerType; i++)
        {
            var value = generator.Create(contract.PayloadType);
            var bytes = Write(contract, value);

            var reader = new Utf8JsonReader(bytes);
            reader.Read();
            var read = contract.Read(ref reader);

            AssertSameValue(value, read, "$");
            Assert.Equal(bytes, Write(contract, read));
        }
    }

    private static byte[] Write(PayloadContract contract, object value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            contract.Write(writer, value, Unmasked);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Structural equality: records property by property, lists and dictionaries by content, JSON trees deeply.</summary>
    private static void AssertSameValue(object? expected, object? actual, string path)
    {
        if (expected is null || actual is null)
        {
            Assert.True(expected is null && actual is null, $"{path}: expected {expected ?? "null"}, got {actual ?? "null"}");
            return;
        }

        switch (expected)
        {
            case string or long or double or bool or Uuid or System.Net.IPAddress:
                Assert.True(expected.Equals(actual), $"{path}: expected {expected}, got {actual}");
                return;
            case DateTimeOffset instant:
                // A payload datetime travels to the second, as oslo.versionedobjects writes it: the fraction is dropped.
                Assert.Equal(instant.UtcTicks - (instant.UtcTicks % TimeSpan.TicksPerSecond), ((DateTimeOffset)actual).UtcTicks);
                return;
            case JsonNode node:
                Assert.True(JsonNode.DeepEquals(node, (JsonNode)actual), $"{path}: expected {node.ToJsonString()}, got {((JsonNode)actual).ToJsonString()}");
                return;
            case IDictionary dictionary:
                var other = (IEnumerable)actual;
                var pairs = other.Cast<object>().ToDictionary(p => (string)p.GetType().GetProperty("Key")!.GetValue(p)!, p => p.GetType().GetProperty("Value")!.GetValue(p));
                Assert.Equal(dictionary.Count, pairs.Count);
                foreach (DictionaryEntry entry in dictionary)
                {
                    AssertSameValue(entry.Value, pairs[(string)entry.Key], $"{path}['{entry.Key}']");
                }

                return;
            case IList list:
                var items = ((IEnumerable)actual).Cast<object?>().ToList();
                Assert.Equal(list.Count, items.Count);
                for (var i = 0; i < list.Count; i++)
                {
                    AssertSameValue(list[i], items[i], $"{path}[{i}]");
                }

                return;
        }

        var type = expected.GetType();
        Assert.Equal(type, actual.GetType());
        if (type.IsValueType)
        {
            Assert.True(expected.Equals(actual), $"{path}: expected {expected}, got {actual}");
            return;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.Name != "WireState"))
        {
            AssertSameValue(property.GetValue(expected), property.GetValue(actual), path + "." + property.Name);
        }
    }
}
