using VersionedNotifications.Generator.Model;

namespace VersionedNotifications.Tool.Publishing.Catalog;

/// <summary>
/// What the definitions declare, one <see cref="ServiceContracts"/> per wire namespace, with every
/// object's fields in each of its versions: what the docs, the schemas and the AsyncAPI documents are
/// made from. Built only from definitions that passed the checks.
/// </summary>
internal sealed class ContractCatalog
{
    private ContractCatalog(IReadOnlyList<ServiceContracts> services) => Services = services;

    /// <summary>The services, ordered by wire namespace.</summary>
    public IReadOnlyList<ServiceContracts> Services { get; }

    public static ContractCatalog Build(IEnumerable<DefinitionFile> files)
    {
        var byNamespace = files
            .Where(f => f.WireNamespace is not null)
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .GroupBy(f => f.WireNamespace!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        return new ContractCatalog(byNamespace.Select(g => ServiceContracts.Build(g.Key, g.ToList())).ToList());
    }
}
