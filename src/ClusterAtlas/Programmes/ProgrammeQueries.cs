using ClusterAtlas.Calendar;
using ClusterAtlas.Data;
using ClusterAtlas.Paging;
using ClusterAtlas.Sources;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Programmes;

public sealed record RelatedProgrammeDto(string Code, string NameJa, string NameEn, string Kind, string? Note, IReadOnlyList<CitationDto> Citations);

public sealed record ProgrammeDto(
    int Id, string Code, string NameJa, string NameEn, string Kind, string? Parent, string? Ministry, string? MinistryNameJa,
    string? TermText, FiscalYearDto? Start, FiscalYearDto? End, string? AimsJa, string? ProgressJa, string? Note,
    IReadOnlyList<string> Children, IReadOnlyList<RelatedProgrammeDto> Predecessors, IReadOnlyList<RelatedProgrammeDto> Successors,
    IReadOnlyList<BudgetDto> Budgets, IReadOnlyList<CitationDto> Citations);

public sealed record ProgrammeFilter(string? Ministry, string? Kind, string? Parent, bool MeasuresOnly);

public sealed class ProgrammeQueries(AtlasDbContext db)
{
    public async Task<Page<ProgrammeDto>> ListAsync(ProgrammeFilter filter, PageRequest page, CancellationToken ct)
    {
        var query = db.Programmes.AsNoTracking();
        if (filter.MeasuresOnly)
        {
            // 施策: the rows of a measures table, i.e. everything that carries budget lines, plus kind=measure.
            query = query.Where(p => p.Kind == ProgrammeKind.Measure || p.Kind == ProgrammeKind.Bundle || p.Budgets.Any());
        }
        if (!string.IsNullOrWhiteSpace(filter.Ministry))
        {
            query = query.Where(p => p.Ministry!.Code == filter.Ministry);
        }
        if (!string.IsNullOrWhiteSpace(filter.Kind) && Enum.TryParse<ProgrammeKind>(filter.Kind, true, out var kind))
        {
            query = query.Where(p => p.Kind == kind);
        }
        if (!string.IsNullOrWhiteSpace(filter.Parent))
        {
            query = query.Where(p => p.Parent!.Code == filter.Parent);
        }
        return await query.ToPageAsync(page, rows => MapAsync(rows.Select(r => r.Id).ToList(), ct), ct);
    }

    public async Task<ProgrammeDto?> GetAsync(string idOrCode, CancellationToken ct)
    {
        var id = int.TryParse(idOrCode, out var n) ? n
            : await db.Programmes.Where(p => p.Code == idOrCode).Select(p => p.Id).FirstOrDefaultAsync(ct);
        return (await MapAsync([id], ct)).FirstOrDefault();
    }

    private async Task<List<ProgrammeDto>> MapAsync(List<int> ids, CancellationToken ct)
    {
        var rows = await db.Programmes.AsNoTracking().Include(p => p.Parent).Include(p => p.Ministry)
            .Where(p => ids.Contains(p.Id)).ToListAsync(ct);
        var children = (await db.Programmes.AsNoTracking().Where(p => p.ParentId != null && ids.Contains(p.ParentId.Value))
            .Select(p => new { ParentId = p.ParentId!.Value, p.Code }).ToListAsync(ct)).ToLookup(x => x.ParentId, x => x.Code);
        var lineage = await db.ProgrammeLineages.AsNoTracking().Include(l => l.From).Include(l => l.To)
            .Where(l => ids.Contains(l.FromId) || ids.Contains(l.ToId)).ToListAsync(ct);
        var budgets = (await new BudgetFigures(db).ListAsync(db.BudgetLines.Where(b => ids.Contains(b.ProgrammeId)), ct)).ToLookup(b => b.Measure);
        var cites = await CitationLookup.ForAsync(db, SubjectTypes.Programme, ids, ct);
        var lineageCites = await CitationLookup.ForAsync(db, SubjectTypes.Lineage, lineage.Select(l => l.Id), ct);
        RelatedProgrammeDto Related(Programme p, ProgrammeLineage l) => new(p.Code, p.NameJa, p.NameEn, l.Kind, l.Note, [.. lineageCites[l.Id]]);
        return ids.Select(id => rows.FirstOrDefault(r => r.Id == id)).OfType<Programme>().Select(p => new ProgrammeDto(
            p.Id, p.Code, p.NameJa, p.NameEn, p.Kind.ToString().ToLowerInvariant(), p.Parent?.Code, p.Ministry?.Code, p.Ministry?.NameJa,
            p.TermText, FiscalYearDto.From(p.StartFiscalYear), FiscalYearDto.From(p.EndFiscalYear), p.AimsJa, p.ProgressJa, p.Note,
            [.. children[p.Id]],
            [.. lineage.Where(l => l.ToId == p.Id).Select(l => Related(l.From!, l))],
            [.. lineage.Where(l => l.FromId == p.Id).Select(l => Related(l.To!, l))],
            [.. budgets[p.Code]], [.. cites[p.Id]])).ToList();
    }
}
