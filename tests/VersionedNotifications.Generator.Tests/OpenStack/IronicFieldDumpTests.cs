using System.Text.Json;
using VersionedNotifications.Generator.Compatibility;
using VersionedNotifications.Generator.Model;
using VersionedNotifications.Generator.Parsing;
using VersionedNotifications.Generator.Tests.Infrastructure;

namespace VersionedNotifications.Generator.Tests.OpenStack;

/// <summary>
/// definitions/ironic against the real ironic classes: tests/fixtures/openstack/ironic-fields.json
/// is dumped from ironic 21.4.4 itself (dump_ironic_fields.py beside it). Every payload class, its
/// version, and every field with its oslo type, nullability and default must match; a definition
/// that drifts fails here.
/// </summary>
public sealed class IronicFieldDumpTests
{
    private static readonly JsonElement Dump = JsonDocument.Parse(File.ReadAllText(Repository.PathOf("tests", "fixtures", "openstack", "ironic-fields.json"))).RootElement;

    private static readonly OpenStackDefinitions Definitions = OpenStackDefinitions.Ironic;

    public static TheoryData<string> PayloadClasses()
    {
        var data = new TheoryData<string>();
        foreach (var payload in Dump.GetProperty("payloads").EnumerateObject())
        {
            data.Add(payload.Name);
        }

        return data;
    }

    [Fact]
    public void The_dump_is_from_Ironic_21_4_4_and_defines_every_payload_we_define()
    {
        Assert.Equal("ironic 21.4.4", Dump.GetProperty("source").GetString());
        var real = Dump.GetProperty("payloads").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
        Assert.Equal(real, Definitions.Objects.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(PayloadClasses))]
    public void Definition_matches_the_real_class(string name)
    {
        var real = Dump.GetProperty("payloads").GetProperty(name);
        var definition = Definitions.Objects[name];
        Assert.Equal(real.GetProperty("version").GetString(), definition.Version.ToString());
        Assert.StartsWith(definition.Version + "-", real.GetProperty("fingerprint").GetString(), StringComparison.Ordinal);

        var ours = Definitions.WireFields(name).ToDictionary(f => f.Key, f => FieldShape.Of(f.Value, definition.Version), StringComparer.Ordinal);
        var theirs = real.GetProperty("fields").EnumerateObject().ToDictionary(f => f.Name, f => f.Value, StringComparer.Ordinal);
        Assert.Equal(theirs.Keys.Order(StringComparer.Ordinal), ours.Keys.Order(StringComparer.Ordinal));
        foreach (var (field, shape) in ours)
        {
            var expected = theirs[field];
            Assert.True(expected.GetProperty("type").GetString() == OsloType(shape.Type), $"{name}.{field}: ours {shape.Type} is {OsloType(shape.Type)}, ironic has {expected.GetProperty("type").GetString()}");
            Assert.True(expected.GetProperty("nullable").GetBoolean() == shape.IsNullable, $"{name}.{field}: nullable {shape.IsNullable}, ironic {expected.GetProperty("nullable").GetBoolean()}");
            var realDefault = expected.GetProperty("default");
            var expectedDefault = realDefault.ValueKind == JsonValueKind.Null ? null : realDefault.GetProperty("value").GetRawText();
            Assert.True(expectedDefault == shape.DefaultJson, $"{name}.{field}: default {shape.DefaultJson ?? "none"}, ironic {expectedDefault ?? "none"}");
        }
    }

    /// <summary>Our type expression as oslo names the type of the field it stands for.</summary>
    private static string OsloType(string type)
    {
        var parsed = TypeExpressionParser.Parse(type, out var error) ?? throw new InvalidOperationException(error);
        return Oslo(parsed);

        static string Oslo(TypeReference t) => t.Kind switch
        {
            TypeKind.String => "String",
            TypeKind.Integer => "Integer",
            TypeKind.Float => "Float",
            TypeKind.Boolean => "Boolean",
            TypeKind.Uuid => "UUID",
            TypeKind.DateTime => "DateTime",
            TypeKind.IpAddress => "IPAddress",
            TypeKind.MacAddress => "MACAddress",
            TypeKind.FlexibleDict => "FlexibleDict",
            TypeKind.List => $"List({Oslo(t.Element!)})",
            TypeKind.Dict => $"Dict({Oslo(t.Element!)})",
            TypeKind.InlineEnum => "Enum",
            _ => $"Object({t.Name})",
        };
    }
}
