using ClusterAtlas.Calendar;
using ClusterAtlas.Data;
using ClusterAtlas.Programmes;
using ClusterAtlas.Sources;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Reconciliation;

/// <summary>The report on every budget table, worked out again when <see cref="DataVersion"/> says the data changed.</summary>
public sealed class BudgetQualityCache(DatabaseOptions database, DataVersion version)
{
    private readonly VersionedCache<BudgetQualityReport> cache = new(database, version, async (db, ct) => (await new BudgetQuality(db).RunAsync(null, ct))!);

    public Task<BudgetQualityReport> GetAsync(CancellationToken ct) => cache.GetAsync(ct);
}

/// <summary>
/// The budget data-quality report: reconciles every budget table in the database against its published totals.
/// Reads only; nothing is written back (the stored lines keep their published text, amount and status). With
/// <paramref name="cache"/> (the portal's), the report on all tables is worked out once per data version: a national
/// registry's 2,610 budget lines took 3–6 s to reconcile, and the budgets page, the quality page and the API ask for it.
/// </summary>
public sealed class BudgetQuality(AtlasDbContext db, BudgetQualityCache? cache = null)
{
    public const string Unit = "百万円";

    /// <summary>The report for all tables, or for the one whose bundle code is <paramref name="table"/>; null when there is no such table.</summary>
    public async Task<BudgetQualityReport?> RunAsync(string? table, CancellationToken ct)
    {
        if (table is null && cache is not null)
        {
            return await cache.GetAsync(ct);
        }
        var lines = await db.BudgetLines.AsNoTracking().ToListAsync(ct);
        var programmes = await db.Programmes.AsNoTracking().ToDictionaryAsync(p => p.Id, ct);
        var cites = await CitationLookup.ForAsync(db, SubjectTypes.Budget, lines.Select(l => l.Id), ct);
        // Rows follow the printed order: the first source line each budget line cites (uncited lines go last).
        var cited = cites.Where(g => g.Any(c => c.Line is not null)).ToDictionary(g => g.Key,
            g => g.Where(c => c.Line is not null).Select(c => (c.Document ?? "", c.Line!.Value)).Min());
        var tables = BudgetTables.Build(lines, programmes, l => cited.TryGetValue(l.Id, out var at) ? at : ("\uffff", l.Id));
        if (table is not null)
        {
            tables = tables.Where(t => string.Equals(t.Code, table, StringComparison.Ordinal)).ToList();
            if (tables.Count == 0)
            {
                return null;
            }
        }
        var cells = new List<BudgetCellQuality>();
        var inconsistencies = new List<QualityInconsistency>();
        foreach (var t in tables)
        {
            var result = TableReconciler.Reconcile(t.Table);
            // A position without a stored line (a measure that did not run that year) has nothing to report on; the
            // reconciler still sees it as an unknown cell, so the table's sums hold.
            cells.AddRange(result.Outcomes.Where(o => t.Lines.ContainsKey(o.At)).Select(o => Cell(t, programmes, o, cites)));
            cells.AddRange(t.Unplaced.Select(l => Unplaced(t, programmes, l, cites)));
            inconsistencies.AddRange(result.Inconsistencies.Select(i => Inconsistency(t, i)));
        }
        List<BudgetCellQuality> With(string status) => [.. cells.Where(c => c.Status == status)];
        var summary = new QualitySummary(tables.Count, cells.Count, With("published").Count, With("derived").Count, With("undetermined").Count,
            With("inconsistent").Count, With("no-data").Count, inconsistencies.Count);
        return new BudgetQualityReport(summary, [.. tables.Select(Describe)], With("derived"), inconsistencies, With("undetermined"), With("no-data"), cells);
    }

    private static QualityTable Describe(BudgetTable t) => new(t.Code, t.Bundle?.NameJa ?? "(measures outside any bundle)", t.Table.Rows.Count,
        [.. t.Table.Columns.Select(c => FiscalYearDto.From(int.Parse(c.Key, System.Globalization.CultureInfo.InvariantCulture))!)], Unit);

    private static BudgetCellQuality Cell(BudgetTable t, Dictionary<int, Programme> programmes, CellOutcome o, ILookup<int, CitationDto> cites)
    {
        var line = t.Lines[o.At];
        var measure = programmes[line.ProgrammeId];
        return new BudgetCellQuality(line.Id, t.Code, measure.Code, measure.NameJa, FiscalYearDto.From(line.FiscalYear),
            line.FiscalYear is null && o.At.Row is not null, o.At.Row is null, o.Label, line.PublishedText, Kebab(line.Status.ToString()),
            line.AmountMillionYen, o.Value, Kebab(o.Status.ToString()), o.Explanation, o.Equation,
            o.Range is { } r ? new QualityRange(r.Min, r.Max, Amounts.Format(r)) : null, [.. cites[line.Id]]);
    }

    private static BudgetCellQuality Unplaced(BudgetTable t, Dictionary<int, Programme> programmes, BudgetLine line, ILookup<int, CitationDto> cites)
    {
        var measure = programmes[line.ProgrammeId];
        var status = line.Status == BudgetStatus.NoData ? "no-data" : line.AmountMillionYen is null ? "undetermined" : "published";
        return new BudgetCellQuality(line.Id, t.Code, measure.Code, measure.NameJa, FiscalYearDto.From(line.FiscalYear), line.FiscalYear is null,
            measure.Kind == ProgrammeKind.Bundle, measure.NameJa, line.PublishedText, Kebab(line.Status.ToString()), line.AmountMillionYen,
            line.AmountMillionYen, status, "a second budget line for the same measure and year; not reconciled", null, null, [.. cites[line.Id]]);
    }

    private static QualityInconsistency Inconsistency(BudgetTable t, Inconsistency i)
    {
        List<int> Ids(IEnumerable<CellRef> at) => [.. at.Where(t.Lines.ContainsKey).Select(p => t.Lines[p].Id)];
        return new QualityInconsistency(t.Code, i.Number, Kebab(i.Kind.ToString()), i.Relation, i.Equation, i.Total, i.Sum, i.Difference, Ids(i.Positions),
            [.. i.Hypotheses.Select(h => new QualityHypothesis(Kebab(h.Kind.ToString()), h.Text, h.Amount,
                [.. h.Subjects.Select(s => s.Row ?? t.Code).Distinct()], Ids(h.Subjects)))]);
    }

    /// <summary>"NoData" → "no-data", the wire form of enum names in the API.</summary>
    internal static string Kebab(string name) =>
        string.Concat(name.Select((ch, i) => char.IsUpper(ch) && i > 0 ? "-" + char.ToLowerInvariant(ch) : char.ToLowerInvariant(ch).ToString()));
}
