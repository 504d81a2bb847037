using Microsoft.EntityFrameworkCore.Metadata;

namespace ClusterAtlas.Data;

/// <summary>
/// Tables that belong to running the system rather than to the registry: accounts, tokens, change requests and the
/// audit log. They are never exported in public dumps and never wiped by a re-seed or a full import.
/// </summary>
public static class SystemTables
{
    public static bool Contains(IEntityType type)
    {
        var ns = type.ClrType.Namespace ?? "";
        return ns.StartsWith("ClusterAtlas.Audit", StringComparison.Ordinal)
            || ns.StartsWith("ClusterAtlas.Accounts", StringComparison.Ordinal)
            || ns.StartsWith("ClusterAtlas.Editing", StringComparison.Ordinal)
            || ns.StartsWith("Microsoft.AspNetCore.Identity", StringComparison.Ordinal);
    }

    /// <summary>The registry's tables, parents first.</summary>
    public static IEnumerable<IEntityType> RegistryParentsFirst(IModel model) => TableOrder.ParentsFirst(model).Where(t => !Contains(t));
}
