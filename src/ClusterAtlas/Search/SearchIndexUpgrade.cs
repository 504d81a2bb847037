using ClusterAtlas.Data;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Search;

/// <summary>
/// Brings a search index written by an older version up to what searches expect: entries written before migration
/// SearchTitles have no normalised title, so the portal would rank no title match first. A full rebuild writes them
/// (once; 2 min at 1M projects on SQLite). The web app runs <see cref="RunIfNeededAsync"/> on start after migrating,
/// <c>atlas db migrate</c> too.
/// </summary>
public static class SearchIndexUpgrade
{
    /// <summary>
    /// Whether the entries predate the title columns. A rebuild writes every entry and an edit re-writes its own, so the
    /// first and the last entry tell (no scan of a million rows on every start).
    /// </summary>
    public static async Task<bool> NeededAsync(AtlasDbContext db, CancellationToken ct)
    {
        var entries = db.SearchEntries.AsNoTracking();
        return await entries.OrderBy(e => e.Id).Select(e => e.TitleNormalized == null).FirstOrDefaultAsync(ct)
            || await entries.OrderByDescending(e => e.Id).Select(e => e.TitleNormalized == null).FirstOrDefaultAsync(ct);
    }

    /// <summary>Rebuilds the search index when <see cref="NeededAsync"/> says so, telling <paramref name="starting"/> first; true when it did.</summary>
    public static async Task<bool> RunIfNeededAsync(AtlasDbContext db, Action starting, CancellationToken ct)
    {
        if (!await NeededAsync(db, ct))
        {
            return false;
        }
        starting();
        await SearchIndexer.RebuildAsync(db, ct);
        return true;
    }
}
