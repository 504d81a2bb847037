using ClusterAtlas.Calendar;
using ClusterAtlas.Data;
using ClusterAtlas.Paging;
using ClusterAtlas.Programmes;
using ClusterAtlas.Search;
using ClusterAtlas.Sources;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Events;

public sealed record EventDto(
    int Id, string Code, string NameJa, string? NameEn, string Kind, DateOnly? StartDate, DateOnly? EndDate, string DatePrecision,
    string? DateText, string? Venue, IReadOnlyList<string> Organisers, FiscalYearDto? FiscalYear, string? Programme, string? Note,
    IReadOnlyList<CitationDto> Citations);

/// <summary>Event filters; Programme (a code) also matches its phases, types and tracks.</summary>
public sealed record EventFilter(string? Q, string? Kind, int? FiscalYear, DateOnly? From, DateOnly? To, string? Organiser, string? Programme = null);

public sealed class EventQueries(AtlasDbContext db)
{
    public async Task<Page<EventDto>> ListAsync(EventFilter filter, PageRequest page, CancellationToken ct)
    {
        var query = db.Events.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var ids = new SearchQuery(db).RecordIds(filter.Q, SearchTypes.Event);
            query = query.Where(e => ids.Contains(e.Id));
        }
        if (!string.IsNullOrWhiteSpace(filter.Kind))
        {
            query = query.Where(e => e.Kind == filter.Kind);
        }
        if (filter.FiscalYear is { } fy)
        {
            var start = new DateOnly(fy, 4, 1);
            var end = new DateOnly(fy + 1, 3, 31);
            query = query.Where(e => e.FiscalYear == fy || (e.StartDate >= start && e.StartDate <= end));
        }
        if (filter.From is { } from)
        {
            query = query.Where(e => (e.EndDate ?? e.StartDate) >= from);
        }
        if (filter.To is { } to)
        {
            query = query.Where(e => e.StartDate <= to);
        }
        if (!string.IsNullOrWhiteSpace(filter.Organiser))
        {
            query = query.Where(e => e.Organisers != null && e.Organisers.Contains(filter.Organiser));
        }
        if (!string.IsNullOrWhiteSpace(filter.Programme))
        {
            var ids = await ProgrammeTree.DescendantIdsAsync(db, filter.Programme, ct);
            query = query.Where(e => e.ProgrammeId != null && ids.Contains(e.ProgrammeId.Value));
        }
        return await query.Include(e => e.Programme).ToPageAsync(page, rows => MapAsync(rows, ct), ct);
    }

    public async Task<EventDto?> GetAsync(string idOrCode, CancellationToken ct)
    {
        var query = db.Events.AsNoTracking().Include(e => e.Programme);
        var row = int.TryParse(idOrCode, out var id)
            ? await query.FirstOrDefaultAsync(e => e.Id == id, ct)
            : await query.FirstOrDefaultAsync(e => e.Code == idOrCode, ct);
        return row is null ? null : (await MapAsync([row], ct))[0];
    }

    private async Task<List<EventDto>> MapAsync(List<Event> rows, CancellationToken ct)
    {
        var cites = await CitationLookup.ForAsync(db, SubjectTypes.Event, rows.Select(r => r.Id), ct);
        return rows.Select(e => new EventDto(e.Id, e.Code, e.NameJa, e.NameEn, e.Kind, e.StartDate, e.EndDate,
            e.DatePrecision.ToString().ToLowerInvariant(), e.DateText, e.Venue,
            e.Organisers?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [], FiscalYearDto.From(e.FiscalYear),
            e.Programme?.Code, e.Note, [.. cites[e.Id]])).ToList();
    }
}
