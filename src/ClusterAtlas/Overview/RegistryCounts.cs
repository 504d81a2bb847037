using ClusterAtlas.Data;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Overview;

public sealed record RegistryCountsDto(int Regions, int Programmes, int Organisations, int Links, int Events, int Sources, int Citations);

/// <summary>How many records of each kind the registry holds.</summary>
public sealed class RegistryCounts(AtlasDbContext db)
{
    public async Task<RegistryCountsDto> GetAsync(CancellationToken ct) => new(
        await db.Regions.CountAsync(ct), await db.Programmes.CountAsync(ct), await db.Organisations.CountAsync(ct),
        await db.InternationalLinks.CountAsync(ct), await db.Events.CountAsync(ct), await db.SourceDocuments.CountAsync(ct),
        await db.Citations.CountAsync(ct));
}
