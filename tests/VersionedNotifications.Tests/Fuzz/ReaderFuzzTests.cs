using System.Text;
using VersionedNotifications.OpenStack;
using VersionedNotifications.Tests.Infrastructure;

namespace VersionedNotifications.Tests.Fuzz;

/// <summary>
/// Throws mutated real messages at the reader: no exception may escape, every failure names a path,
/// and whatever decodes can be used: every property of the payload read (dictionaries counted and
/// indexed, lists walked), written masked and unmasked, and the unmasked write decodes again. The
/// mutations include names that escape lone surrogates, keys sent twice, NaN and Infinity, and byte
/// order marks; every fourth case also reads a mutated bare payload with ReadPayload and uses it the same
/// way. 20,000 messages by default; VN_READER_FUZZ_COUNT sets another count (the seed is fixed,
/// so a failure reproduces).
/// </summary>
public sealed class ReaderFuzzTests
{
    private static readonly NotificationReader Reader = new(OpenStackJsonContext.Default);

    private static int Count => int.TryParse(Environment.GetEnvironmentVariable("VN_READER_FUZZ_COUNT"), out var count) ? count : 20_000;

    [Fact]
    public void No_mutated_message_escapes_as_an_exception_and_every_failure_names_a_path()
    {
        var seeds = Fixtures.All().Select(f => Fixtures.Compact((string)f[0], (string)f[1])).ToList();
        seeds.AddRange(seeds.Take(40).Select(ToV2).ToList());
        var payloads = seeds.Where(s => !IsV2(s)).Select(BarePayload).Where(p => p.EventType is not null).ToList();
        var random = new Random(20261122);
        var outcomes = new Dictionary<string, int>();
        for (var i = 0; i < Count; i++)
        {
            var seed = seeds[random.Next(seeds.Count)];
            var mutated = Mutator.Mutate(seed, random);
            NotificationReadResult result;
            try
            {
                result = Reader.Read(mutated);
            }
            catch (Exception e)
            {
                Assert.Fail($"case {i}: the reader threw {e.GetType().Name}: {e.Message}\ninput: {Show(mutated)}");
                return;
            }

            Assert.Equal(mutated, result.Message.ToArray());
            switch (result)
            {
                case MalformedNotification malformed:
                    Assert.True(malformed.JsonPath.StartsWith('$'), $"case {i}: path '{malformed.JsonPath}'");
                    Assert.False(string.IsNullOrWhiteSpace(malformed.Reason), $"case {i}: no reason");
                    break;
                case UnsupportedNotification unsupported:
                    Assert.False(string.IsNullOrWhiteSpace(unsupported.Detail), $"case {i}: no detail");
                    break;
                case DecodedNotification decoded:
                    AssertReencodes(decoded, i, mutated);
                    break;
            }

            outcomes[result.GetType().Name] = outcomes.GetValueOrDefault(result.GetType().Name) + 1;
            if (i % 4 == 0)
            {
                var payloadOutcome = ReadBarePayload(payloads[random.Next(payloads.Count)], random, i);
                outcomes[payloadOutcome] = outcomes.GetValueOrDefault(payloadOutcome) + 1;
            }
        }

        // The mutations must reach every outcome, or the test proves little.
        Assert.True(outcomes.GetValueOrDefault("payload decoded") > Count / 80, string.Join(", ", outcomes));
        Assert.True(outcomes.GetValueOrDefault(nameof(MalformedNotification)) > Count / 10, string.Join(", ", outcomes));
        // Most mutations break a message (a deleted key is a missing required field); enough must still decode.
        Assert.True(outcomes.GetValueOrDefault(nameof(DecodedNotification)) > Count / 40, string.Join(", ", outcomes));
        Assert.True(outcomes.GetValueOrDefault(nameof(UnsupportedNotification)) > 0, string.Join(", ", outcomes));
    }

    private static void AssertReencodes(DecodedNotification decoded, int i, byte[] input)
    {
        byte[] written;
        try
        {
            PayloadWalker.Walk(decoded.Notification.PayloadValue);
            NotificationWriter.Write(decoded.Notification, decoded.Format!.Value);
            written = NotificationWriter.Write(decoded.Notification, decoded.Format!.Value, new VersionedNotifications.Wire.PayloadWriteOptions { MaskSecrets = false });
        }
        catch (Exception e)
        {
            Assert.Fail($"case {i}: using the decoded notification threw {e.GetType().Name}: {e.Message}\n{e.StackTrace}\ninput: {Show(input)}");
            return;
        }

        var again = Reader.Read(written);
        Assert.True(again is DecodedNotification, $"case {i}: re-encoded message reads as {again}\ninput: {Show(input)}");
    }

    /// <summary>A mutated bare payload through <see cref="NotificationReader.ReadPayload"/>, used and written as a decoded notification is.</summary>
    private static string ReadBarePayload((byte[] Payload, EventTypeInfo? EventType) seed, Random random, int i)
    {
        var mutated = Mutator.Mutate(seed.Payload, random);
        try
        {
            var read = Reader.ReadPayload(mutated, seed.EventType);
            if (!read.IsSuccess)
            {
                Assert.True(read.JsonPath!.StartsWith('$'), $"case {i}: payload path '{read.JsonPath}'");
                return "payload failed";
            }

            PayloadWalker.Walk(read.Payload);
            if (read.Contract is { } contract)
            {
                foreach (var options in new[] { VersionedNotifications.Wire.PayloadWriteOptions.Default, new VersionedNotifications.Wire.PayloadWriteOptions { MaskSecrets = false } })
                {
                    using var writer = new System.Text.Json.Utf8JsonWriter(new System.Buffers.ArrayBufferWriter<byte>());
                    contract.Write(writer, read.Payload!, options);
                }
            }

            return "payload decoded";
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            Assert.Fail($"case {i}: reading or using a bare payload threw {e.GetType().Name}: {e.Message}\n{e.StackTrace}\ninput: {Show(mutated)}");
            return "unreachable";
        }
    }

    private static bool IsV2(byte[] message) => System.Text.Json.Nodes.JsonNode.Parse(message)!.AsObject().ContainsKey("oslo.message");

    private static (byte[] Payload, EventTypeInfo? EventType) BarePayload(byte[] envelope)
    {
        var message = System.Text.Json.Nodes.JsonNode.Parse(envelope)!.AsObject();
        Reader.TryGetEventType(message["event_type"]!.GetValue<string>(), out var eventType);
        return (Messages.Bytes(message["payload"]!), eventType);
    }

    private static byte[] ToV2(byte[] envelope) => Messages.V2(System.Text.Json.Nodes.JsonNode.Parse(envelope)!.AsObject());

    private static string Show(byte[] bytes) => bytes.Length > 600 ? Encoding.UTF8.GetString(bytes, 0, 600) + "..." : Encoding.UTF8.GetString(bytes);
}
