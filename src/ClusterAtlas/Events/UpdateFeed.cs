using ClusterAtlas.Data;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Events;

/// <summary>An entry of the updates feed: a dataset load or an event, with the time the registry learned of it.</summary>
public sealed record UpdateEntryDto(string Kind, string Code, string TitleJa, string? TitleEn, DateTimeOffset Updated, DateOnly? Published, string? SummaryJa);

/// <summary>Updates of the registry for the Atom feed: every dataset load, and the events as of the load that brought them.</summary>
public sealed class UpdateFeed(AtlasDbContext db)
{
    public async Task<List<UpdateEntryDto>> ListAsync(CancellationToken ct)
    {
        var loads = await db.DatasetLoads.AsNoTracking().ToListAsync(ct);
        // Ordered in memory: SQLite cannot ORDER BY a DateTimeOffset column.
        loads = [.. loads.OrderByDescending(l => l.LoadedAt)];
        var latest = loads.FirstOrDefault()?.LoadedAt ?? DateTimeOffset.UnixEpoch;
        var events = await db.Events.AsNoTracking().OrderBy(e => e.Id)
            .Select(e => new { e.Code, e.NameJa, e.NameEn, e.StartDate, e.DateText, e.Venue }).ToListAsync(ct);
        return
        [
            .. loads.Select(l => new UpdateEntryDto("dataset", l.DatasetHash[..Math.Min(12, l.DatasetHash.Length)],
                $"データセット更新 ({l.RecordCount} 件)", $"Dataset loaded ({l.RecordCount} records)", l.LoadedAt, null,
                $"データセット {l.DatasetHash} を読み込みました。")),
            .. events.Select(e => new UpdateEntryDto("event", e.Code, e.NameJa, e.NameEn, latest, e.StartDate,
                string.Join(" / ", new[] { e.DateText, e.Venue }.Where(x => !string.IsNullOrWhiteSpace(x))))),
        ];
    }
}
