using VersionedNotifications.Tool.Tests.Infrastructure;

namespace VersionedNotifications.Tool.Tests.Import;

/// <summary>
/// <c>vnotify import</c> on Debian's ironic 21.4.4 (python3-ironic) against the checked-in definitions/ironic, which
/// were written by hand from the same code.
/// </summary>
public sealed class IronicImportTests
{
    private static readonly string IronicDefinitions = Path.Combine(RepositoryLayout.Definitions, "ironic");

    /// <summary>
    /// A mistake in the checked-in definitions/ironic that --check finds: each payload lists its fields in another
    /// order than ironic declares them (NodePayload starts with uuid, ironic's dict with clean_step), and oslo writes
    /// them in ironic's order. Types, nullability, defaults and versions all agree. When definitions/ironic lists the
    /// fields in ironic's order, this list becomes empty.
    /// </summary>
    [Fact]
    public void Import_describes_the_same_objects_versions_fields_types_nullability_and_defaults_as_the_checked_in_definitions()
    {
        using var folder = new TemporaryFolder("import-ironic");
        var import = PythonService.Import(folder.Path, "Imported.Ironic", "ironic.objects");
        Assert.True(import.ExitCode == 0, import.ToString());

        var imported = DefinitionsModel.Load(folder.Path);
        var ours = DefinitionsModel.Load(IronicDefinitions);

        Assert.Equal(ours.Objects.Keys.Order(StringComparer.Ordinal), imported.Objects.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, mine) in ours.Objects)
        {
            var theirs = imported.Objects[name];
            Assert.True(mine.Version == theirs.Version, $"{name}: {mine.Version} here, {theirs.Version} imported");
            Assert.True(mine.Extends == theirs.Extends, $"{name}: extends {mine.Extends} here, {theirs.Extends} imported");
            Assert.Equal(
                mine.Fields.Select(f => name + "." + f.Shape).Order(StringComparer.Ordinal),
                theirs.Fields.Select(f => name + "." + f.Shape).Order(StringComparer.Ordinal));
        }

        // 12 objects and 117 fields (a derived payload's own only), all of them compared above.
        Assert.Equal(12, imported.Objects.Count);
        Assert.Equal(117, imported.Objects.Values.Sum(o => o.Fields.Count));
    }

    [Fact]
    public void Import_writes_the_fields_in_the_order_oslo_writes_them_own_fields_first()
    {
        using var folder = new TemporaryFolder("import-ironic-order");
        Assert.Equal(0, PythonService.Import(folder.Path, "Imported.Ironic", "ironic.objects").ExitCode);

        var imported = DefinitionsModel.Load(folder.Path);

        // NodePayload's fields dict, as ironic/objects/node.py declares it (not alphabetical: boot_mode after extra).
        Assert.Equal(
            ["clean_step", "conductor_group", "console_enabled", "created_at", "deploy_step", "description", "driver", "extra", "boot_mode", "secure_boot"],
            imported.Objects["NodePayload"].Fields.Take(10).Select(f => f.Name));
        // A derived payload lists only what it declares; oslo writes those first, then its base's.
        Assert.Equal(["instance_info", "driver_internal_info", "event", "previous_provision_state", "previous_target_provision_state"],
            imported.Objects["NodeSetProvisionStatePayload"].Fields.Select(f => f.Name));
        // created_at and updated_at come from IronicObject through NotificationPayloadBase, after the class's own.
        Assert.Equal(["extra", "created_at", "updated_at"], imported.Objects["AllocationCRUDPayload"].Fields.TakeLast(3).Select(f => f.Name));
    }

    [Fact]
    public void Check_on_the_checked_in_definitions_finds_no_difference()
    {
        var check = PythonService.Check(IronicDefinitions, "ironic.objects");

        Assert.Empty(PythonService.Differences(check));
        Assert.True(check.ExitCode == 0, check.ToString());
    }

    [Fact]
    public void Check_reports_each_deliberate_edit_of_a_copy()
    {
        using var folder = new TemporaryFolder("import-ironic-edits");
        PythonService.CopyDefinitions(IronicDefinitions, folder.Path);
        Edit(folder.Path, "chassis.yaml", "    version: \"1.0\"", "    version: \"1.1\"");
        Edit(folder.Path, "deploy_template.yaml", "      steps:\n        type: list<flexible_dict>\n        since: \"1.0\"\n", "      steps_removed_here:\n        type: list<flexible_dict>\n        since: \"1.0\"\n");
        Edit(folder.Path, "volume_connector.yaml", "      connector_id:\n        type: string", "      connector_id:\n        type: integer");
        Edit(folder.Path, "allocation.yaml", "      name:\n        type: string\n        nullable: true", "      name:\n        type: string\n        nullable: false");
        Edit(folder.Path, "port.yaml", "        default: false\n        since: \"1.3\"", "        default: true\n        since: \"1.3\"");
        Edit(folder.Path, "portgroup.yaml", "    fields:\n", "    fields:\n      color: string\n");

        var check = PythonService.Check(folder.Path, "ironic.objects");

        Assert.Equal(1, check.ExitCode);
        var differences = PythonService.Differences(check).Where(d => !d.Contains("the fields are listed in another order", StringComparison.Ordinal)).ToList();
        string[] expected =
        [
            "ChassisCRUDPayload: version 1.1 in the definitions, 1.0 in ironic.objects.chassis.ChassisCRUDPayload",
            "DeployTemplateCRUDPayload.steps: field list<flexible_dict> of ironic.objects.deploy_template.DeployTemplateCRUDPayload is not in the definitions",
            "DeployTemplateCRUDPayload.steps_removed_here: ironic.objects.deploy_template.DeployTemplateCRUDPayload has no such field",
            "VolumeConnectorCRUDPayload.connector_id: type integer in the definitions, string in the Python class",
            "AllocationCRUDPayload.name: not nullable in the definitions, nullable in the Python class",
            "PortCRUDPayload.is_smartnic: default true in the definitions, false in the Python class",
            "PortgroupCRUDPayload.color: ironic.objects.portgroup.PortgroupCRUDPayload has no such field",
        ];
        foreach (var message in expected)
        {
            Assert.True(differences.Count(d => d.EndsWith(": " + message, StringComparison.Ordinal)) == 1, $"'{message}' not reported once:\n{check}");
        }

        Assert.Equal(expected.Length, differences.Count);
    }

    private static void Edit(string folder, string file, string before, string after)
    {
        var path = Path.Combine(folder, file);
        var text = File.ReadAllText(path);
        Assert.Contains(before, text);
        File.WriteAllText(path, text.Replace(before, after, StringComparison.Ordinal));
    }
}
