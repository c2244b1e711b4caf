using VersionedNotifications.Generator.Model;
using VersionedNotifications.Generator.Parsing;

namespace VersionedNotifications.Generator.Tests.Parsing;

/// <summary>The keys issue 15 added to the language, read into the model: unset fields, first versions, base and child versions, enum history, progress.</summary>
public sealed class NewConstructsParserTests
{
    private const string Path = "/defs/nova.yaml";

    private static DefinitionFile ParseClean(string yaml)
    {
        var result = DefinitionParser.Parse(Path, yaml);
        Assert.True(result.Diagnostics.IsEmpty, string.Join("\n", result.Diagnostics.Select(d => d.Message)));
        Assert.False(result.Value.HasErrors);
        return result.Value;
    }

    private static ObjectDefinition Object(DefinitionFile file, string name) => file.Objects.Single(o => o.Name == name);

    private static FieldDefinition Field(ObjectDefinition definition, string name) => definition.Fields.Single(f => f.Name == name);

    [Fact]
    public void Optional_fields_and_sparse_objects_mark_their_fields_optional()
    {
        var file = ParseClean("""
            namespace: nova
            csharp_namespace: Nova
            objects:
              RequestSpecPayload:
                version: "1.0"
                fields:
                  image_meta: { type: string, optional: true }
                  both: { type: string, optional: true, nullable: true }
                  plain: string
              ImageMetaPropsPayload:
                version: "1.0"
                sparse: true
                fields:
                  hw_video_model: string
                  hw_cpu_policy: { type: string, nullable: true }
                  always: { type: string, optional: false, default: "x" }
            """);

        var request = Object(file, "RequestSpecPayload");
        Assert.False(request.IsSparse);
        Assert.True(Field(request, "image_meta").IsOptional);
        Assert.False(Field(request, "image_meta").IsNullable);
        Assert.True(Field(request, "both").IsOptional);
        Assert.True(Field(request, "both").IsNullable);
        Assert.False(Field(request, "plain").IsOptional);

        var props = Object(file, "ImageMetaPropsPayload");
        Assert.True(props.IsSparse);
        Assert.True(Field(props, "hw_video_model").IsOptional);
        Assert.True(Field(props, "hw_cpu_policy").IsOptional);
        Assert.False(Field(props, "always").IsOptional);
        Assert.Equal("\"x\"", Field(props, "always").Default!.Json);
    }

    [Fact]
    public void First_version_starts_the_object_and_is_the_default_since()
    {
        var file = ParseClean("""
            namespace: nova
            csharp_namespace: Nova
            objects:
              InstanceCreatePayload:
                version: "1.3"
                first_version: "1.2"
                fields:
                  keypairs: string
                  tags: { type: string, since: "1.3" }
                history:
                  "1.2": Took over the history of its base.
                  "1.3": Add tags.
              Plain:
                version: "1.1"
                fields:
                  id: uuid
              Moved:
                version: "2.1"
                first_version: "1.4"
                fields:
                  id: uuid
            """);

        var create = Object(file, "InstanceCreatePayload");
        Assert.Equal(new ObjectVersion(1, 2), create.FirstVersion);
        Assert.Equal(new ObjectVersion(1, 2), Field(create, "keypairs").Since);
        Assert.Equal(new ObjectVersion(1, 3), Field(create, "tags").Since);

        Assert.Equal(new ObjectVersion(1, 0), Object(file, "Plain").FirstVersion);
        Assert.Equal(new ObjectVersion(1, 0), Field(Object(file, "Plain"), "id").Since);

        // The current major began after the first version: a field that does not say is there from the first version.
        Assert.Equal(new ObjectVersion(1, 4), Object(file, "Moved").FirstVersion);
        Assert.Equal(new ObjectVersion(1, 4), Field(Object(file, "Moved"), "id").Since);
    }

    [Fact]
    public void Base_versions_and_child_versions_are_read_as_steps()
    {
        var file = ParseClean("""
            namespace: nova
            csharp_namespace: Nova
            objects:
              InstanceActionPayload:
                version: "1.2"
                extends: InstancePayload
                base_versions: { "1.0": "1.0", "1.2": "1.3" }
                fields:
                  fault: { type: ExceptionPayload, nullable: true, child_versions: { "1.0": "1.0", "1.1": "1.1" } }
                history:
                  "1.0": Initial version.
                  "1.1": Fault carries more.
                  "1.2": Base bumped.
            """);

        var action = Object(file, "InstanceActionPayload");
        Assert.Equal([(new ObjectVersion(1, 0), new ObjectVersion(1, 0)), (new ObjectVersion(1, 2), new ObjectVersion(1, 3))], action.BaseVersions.Select(m => (m.From, m.Child)));
        Assert.Equal(6, action.BaseVersions[0].Location.LineSpan.Start.Line);
        Assert.Equal([(new ObjectVersion(1, 0), new ObjectVersion(1, 0)), (new ObjectVersion(1, 1), new ObjectVersion(1, 1))], Field(action, "fault").ChildVersions.Select(m => (m.From, m.Child)));
        Assert.True(Field(action, "fault").IsNullable);
    }

    [Fact]
    public void Enum_values_keep_their_since_and_repeats_name_the_member_they_repeat()
    {
        var file = ParseClean("""
            namespace: nova
            csharp_namespace: Nova
            enums:
              power_state:
                values:
                  - pending
                  - running
                  - { value: paused, since: "1.1" }
                  - { value: pending, repeat: true }
            objects:
              ImageMetaPropsPayload:
                version: "1.13"
                fields:
                  hw_video_model:
                    type: enum
                    values: [vga, cirrus, { value: gop, since: "1.13" }]
            """);

        var members = file.Enums.Single().Members;
        Assert.Equal(["pending", "running", "paused", "pending"], members.Select(m => m.Value));
        Assert.Equal([null, null, new ObjectVersion(1, 1), null], members.Select(m => m.Since));
        Assert.Equal([false, false, false, true], members.Select(m => m.IsRepeat));
        Assert.Equal("Pending", members[3].CSharpName);
        Assert.Equal(8, members[3].Location.LineSpan.Start.Line);

        var video = Field(Object(file, "ImageMetaPropsPayload"), "hw_video_model").EnumMembers;
        Assert.Equal(new ObjectVersion(1, 13), video.Single(m => m.Value == "gop").Since);
        Assert.Null(video.Single(m => m.Value == "vga").Since);
    }

    [Fact]
    public void Progress_is_a_status_of_a_family_at_info()
    {
        var file = ParseClean("""
            namespace: nova
            csharp_namespace: Nova
            event_types:
              instance.live_migration_force_complete:
                payload: text
                statuses: [start, progress, end]
            """);

        Assert.Equal(
            [("instance.live_migration_force_complete.start", Priority.Info), ("instance.live_migration_force_complete.progress", Priority.Info), ("instance.live_migration_force_complete.end", Priority.Info)],
            file.Events.Select(e => (e.Name, e.Priority)));
    }

    [Fact]
    public void An_older_major_is_described_by_its_history_and_removed_fields()
    {
        var file = ParseClean("""
            namespace: nova
            csharp_namespace: Nova
            objects:
              InstanceUpdatePayload:
                version: "2.0"
                fields:
                  uuid: { type: uuid, since: "1.0" }
                  old_display_name: { type: string, since: "1.0", removed: "2.0" }
                  display_name: { type: string, since: "2.0" }
                  state: string
                history:
                  "1.0": Initial version.
                  "1.1": Add tags.
                  "2.0": Rename old_display_name to display_name.
            """);

        var update = Object(file, "InstanceUpdatePayload");
        Assert.Equal(new ObjectVersion(1, 0), update.FirstVersion);
        Assert.Equal(new ObjectVersion(2, 0), Field(update, "old_display_name").Removed);
        Assert.Equal(new ObjectVersion(1, 0), Field(update, "uuid").Since);

        // A field the major added says so; one that does not say has been there since the first version, through the
        // major bump, so that the 1.x versions that shipped still replay with it.
        Assert.Equal(new ObjectVersion(2, 0), Field(update, "display_name").Since);
        Assert.Equal(new ObjectVersion(1, 0), Field(update, "state").Since);
    }

    [Fact]
    public void An_object_that_cannot_be_read_is_named_as_unread()
    {
        var result = DefinitionParser.Parse(Path, """
            namespace: nova
            csharp_namespace: Nova
            objects:
              FlavorPayload:
                fields:
                  id: uuid
              Fine:
                version: "1.0"
            """);

        Assert.Equal(["FlavorPayload"], result.Value.UnreadNames);
        Assert.Equal(["Fine"], result.Value.Objects.Select(o => o.Name));
    }
}
