using VersionedNotifications.Generator.Tests.Infrastructure;

namespace VersionedNotifications.Generator.Tests.Fuzz;

/// <summary>The valid definitions the fuzzer mutates: the test fixtures and a few seeds that use every construct.</summary>
internal static class FuzzSeeds
{
    /// <summary>Every construct at once: enums, inline enums, bases, defaults of every type, history with exceptions, families, aliases, anchors.</summary>
    private const string Everything = """
        # yaml-language-server: $schema=definitions.schema.json
        namespace: seed_all
        csharp_namespace: Seeds.All
        description: |
          Every construct the generator knows.
          Second line.
        enums:
          power_state:
            description: &desc A power state.
            values:
              - power on
              - "power off"
              - value: "None"
                csharp_name: Unknown
                description: *desc
        objects:
          BasePayload:
            version: "1.1"
            fields:
              uuid: { type: uuid, default: "1be26c0b-03f2-4d2e-ae87-c02d7f33c123" }
              created_at: { type: datetime, nullable: true, default: "2024-01-01T10:00:00Z" }
            history:
              "1.0": Initial version.
              "1.1":
                changes: created_at became nullable.
                exceptions:
                  - name: created-at-nullable
                    field: created_at
                    kind: nullability
                    reason: a minor bump made it nullable.
                    was: { nullable: false, type: datetime, default: ~, values: [] }
          NodePayload:
            version: "1.2"
            extends: BasePayload
            csharp_name: NodeInfo
            fields:
              name: { type: string, nullable: true, default: "node-1", example: node-1, description: "A name." }
              power: { type: power_state, default: power on, since: "1.1" }
              state: { type: enum, values: [active, "deploy failed", { value: "*", csharp_name: Any }], default: active }
              count: { type: integer, default: -42 }
              ratio: { type: float, default: 1e3 }
              ok: { type: boolean, default: true }
              peer: { type: ip_address, default: "192.0.2.1" }
              mac: { type: mac_address, nullable: true, secret: true }
              tags: { type: "list<string?>", default: [] }
              extra: { type: "dict<list<integer>>", default: {} }
              info: { type: flexible_dict, default: {}, example: { a: [1, 2], b: null } }
              children: { type: "list<ChildPayload>", nullable: true }
            history:
              "1.0": Initial.
              "1.1": Add power.
              "1.2": Add the rest.
          ChildPayload:
            versioned: false
            fields:
              parent: { type: NodePayload, nullable: true }
              "quoted key": { type: string, csharp_name: QuotedKey }
        event_types:
          seed.node.power_set:
            payload: NodePayload
            statuses: [start, end, error, success]
            aliases: [seed.node.power]
            description: A power state change.
          seed.node.maintenance_set:
            payload: NodePayload
            statuses: { start: debug, end: info, error: critical }
          seed.image.upload:
            payload: ChildPayload
            priority: warning
            text_priorities: [warn, error]
          seed.image.delete:
            payload: text
            priority: audit
        """;

    /// <summary>Flow style, comments, document markers and block scalars.</summary>
    private const string FlowStyle = """
        %YAML 1.2
        ---
        namespace: seed_flow   # trailing comment
        csharp_namespace: "Seeds.Flow"
        objects: {
          Thing: { versioned: false, description: "Folded
              text", fields: { id: uuid, size: { type: integer, nullable: true } } },
          Other: { version: "2.0", fields: { things: "list<Thing>", map: "dict<Thing?>" } }
        }
        event_types: { seed.thing.create: { payload: Thing }, seed.other.update: { payload: Other, priority: ERROR } }
        ...
        """;

    /// <summary>Plain and small, as Glance's definitions are.</summary>
    private const string Small = """
        namespace: seed_small
        csharp_namespace: Seeds.Small
        objects:
          ImagePayload:
            versioned: false
            fields:
              id: uuid
              status: { type: enum, values: [queued, active], default: queued }
        event_types:
          image.create:
            payload: ImagePayload
            text_priorities: [warn]
        """;

    public static IReadOnlyList<(string Name, string Text)> All { get; } =
        GeneratorHarness.Fixtures().Select(f => (f.Path, f.Text))
            .Concat([("seed:everything", Everything), ("seed:flow", FlowStyle), ("seed:small", Small)])
            .Select(s => (s.Item1, s.Item2.ReplaceLineEndings("\n")))
            .ToList();
}
