using ClusterAtlas.Data;
using ClusterAtlas.Paging;
using ClusterAtlas.Regions;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Programmes;

/// <summary>One region's participation in a programme (or one of its phases, types or tracks).</summary>
public sealed record ProgrammeMemberDto(string Region, string RegionNameJa, string? RegionNameEn, ParticipationDto Participation);

/// <summary>
/// The participations of a programme's subtree, read directly rather than region by region: a national programme has
/// thousands, so the page takes the first ones (SQL LIMIT) and the count of all.
/// </summary>
public sealed class ProgrammeMembers(AtlasDbContext db, RegionQueries regions)
{
    /// <summary>The first <paramref name="limit"/> participations, by region and then by term (the order the region list gave).</summary>
    public async Task<Page<ProgrammeMemberDto>> ListAsync(string programme, int limit, CancellationToken ct)
    {
        var ids = await ProgrammeTree.DescendantIdsAsync(db, programme, ct);
        var query = db.Participations.AsNoTracking().Where(p => ids.Contains(p.ProgrammeId));
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(p => p.RegionId).ThenBy(p => p.StartFiscalYear).ThenBy(p => p.ListNo).ThenBy(p => p.Id).Take(limit)
            .Include(p => p.Programme).Include(p => p.Region).ToListAsync(ct);
        var dtos = (await regions.ParticipationsAsync(rows, ct)).ToDictionary(p => p.Id);
        return new Page<ProgrammeMemberDto>([.. rows.Select(p => new ProgrammeMemberDto(p.Region!.Code, p.Region.NameJa, p.Region.NameEn, dtos[p.Id]))],
            total, limit, 0, null);
    }
}
