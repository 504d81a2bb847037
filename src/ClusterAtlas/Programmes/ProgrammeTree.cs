using ClusterAtlas.Data;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Programmes;

/// <summary>A programme filter includes its phases, types and tracks (kc matches kc-2 and kc-2-global-hub).</summary>
public static class ProgrammeTree
{
    public static async Task<List<int>> DescendantIdsAsync(AtlasDbContext db, string code, CancellationToken ct)
    {
        // The hierarchy is a few dozen rows even at national scale (projects are not programmes), so walk it in memory.
        var all = await db.Programmes.AsNoTracking().Select(p => new { p.Id, p.Code, p.ParentId }).ToListAsync(ct);
        var root = all.FirstOrDefault(p => p.Code == code);
        if (root is null)
        {
            return [];
        }
        var result = new List<int> { root.Id };
        for (var i = 0; i < result.Count; i++)
        {
            result.AddRange(all.Where(p => p.ParentId == result[i]).Select(p => p.Id));
        }
        return result;
    }
}
