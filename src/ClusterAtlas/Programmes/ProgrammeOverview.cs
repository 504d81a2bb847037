using ClusterAtlas.Calendar;
using ClusterAtlas.Data;
using ClusterAtlas.Sources;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Programmes;

/// <summary>
/// One programme in the tree: its published term and, from the participations of its subtree, the fiscal years in
/// which regions were actually in it (many tracks have no published term of their own).
/// </summary>
public sealed record ProgrammeOverviewDto(
    int Id, string Code, string NameJa, string NameEn, string Kind, string? Parent, int Depth,
    string? Ministry, string? MinistryNameJa, string? MinistryNameEn, string? TermText, FiscalYearDto? Start, FiscalYearDto? End,
    FiscalYearDto? FirstParticipation, FiscalYearDto? LastParticipation, int Regions, bool HasBudgets, IReadOnlyList<CitationDto> Citations);

/// <summary>The programme tree of <see cref="ProgrammeOverview"/>, read again when <see cref="DataVersion"/> says the data changed.</summary>
public sealed class ProgrammeOverviewCache(DatabaseOptions database, DataVersion version)
{
    private readonly VersionedCache<IReadOnlyList<ProgrammeOverviewDto>> cache = new(database, version, (db, ct) => new ProgrammeOverview(db).ReadAsync(ct));

    public Task<IReadOnlyList<ProgrammeOverviewDto>> GetAsync(CancellationToken ct) => cache.GetAsync(ct);
}

/// <summary>
/// Every programme, phase, track and measure as a depth-first tree, in four queries; with <paramref name="cache"/> (the
/// portal's), once per data version: the home, regions, programmes, budgets and indicators pages all show it, and at
/// national scale it aggregates a million projects.
/// </summary>
public sealed class ProgrammeOverview(AtlasDbContext db, ProgrammeOverviewCache? cache = null)
{
    public async Task<IReadOnlyList<ProgrammeOverviewDto>> ListAsync(CancellationToken ct) =>
        cache is null ? await ReadAsync(ct) : await cache.GetAsync(ct);

    internal async Task<IReadOnlyList<ProgrammeOverviewDto>> ReadAsync(CancellationToken ct)
    {
        var programmes = await db.Programmes.AsNoTracking().Include(p => p.Ministry).OrderBy(p => p.Id).ToListAsync(ct);
        // One row per region and programme (off the index on RegionId, ProgrammeId and the years): with a row per
        // project, each programme's subtree was looked for among a million rows, 332 times (seconds at 1M projects).
        var participations = (await db.Participations.AsNoTracking().GroupBy(p => new { p.RegionId, p.ProgrammeId })
            .Select(g => new { g.Key.RegionId, g.Key.ProgrammeId, StartFiscalYear = g.Min(p => p.StartFiscalYear), EndFiscalYear = g.Max(p => p.EndFiscalYear ?? p.StartFiscalYear) })
            .ToListAsync(ct)).ToLookup(p => p.ProgrammeId);
        var withBudgets = (await db.BudgetLines.Select(b => b.ProgrammeId).Distinct().ToListAsync(ct)).ToHashSet();
        var cites = await CitationLookup.ForAsync(db, SubjectTypes.Programme, programmes.Select(p => p.Id), ct);

        var children = programmes.Where(p => p.ParentId != null).ToLookup(p => p.ParentId!.Value);
        var result = new List<ProgrammeOverviewDto>();
        List<int> Subtree(Programme p) => [p.Id, .. children[p.Id].SelectMany(Subtree)];
        void Visit(Programme p, int depth)
        {
            var rows = Subtree(p).Distinct().SelectMany(id => participations[id]).ToList();
            result.Add(new ProgrammeOverviewDto(p.Id, p.Code, p.NameJa, p.NameEn, p.Kind.ToString().ToLowerInvariant(),
                programmes.FirstOrDefault(x => x.Id == p.ParentId)?.Code, depth, p.Ministry?.Code, p.Ministry?.NameJa, p.Ministry?.NameEn,
                p.TermText, FiscalYearDto.From(p.StartFiscalYear), FiscalYearDto.From(p.EndFiscalYear),
                FiscalYearDto.From(rows.Count == 0 ? null : rows.Min(x => x.StartFiscalYear)),
                FiscalYearDto.From(rows.Count == 0 ? null : rows.Max(x => x.EndFiscalYear)),
                rows.Select(x => x.RegionId).Distinct().Count(), withBudgets.Contains(p.Id), [.. cites[p.Id]]));
            foreach (var child in children[p.Id])
            {
                Visit(child, depth + 1);
            }
        }
        // Programmes first (知的クラスター, 都市エリア …), then bundles and loose measures.
        foreach (var root in programmes.Where(p => p.ParentId == null || programmes.All(x => x.Id != p.ParentId))
                     .OrderBy(p => p.Kind != ProgrammeKind.Programme).ThenBy(p => p.Id))
        {
            Visit(root, 0);
        }
        return result;
    }
}
