using System.ComponentModel;
using ClusterAtlas.Calendar;
using ClusterAtlas.Data;
using ClusterAtlas.Reconciliation;
using ClusterAtlas.Sources;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Programmes;

/// <summary>
/// One budget cell as the API and the portal show it: the cell as stored (published text, amount, stored status) merged
/// with the reconciliation of its table (value used, status, explanation). The first ten fields are the original
/// shape of /api/v1/budgets; the rest were added without renaming any of them.
/// </summary>
public sealed record BudgetDto(
    int Id,
    [property: Description("Measure (programme) code.")] string Measure,
    [property: Description("The fiscal year of the cell; null for the row total (計).")] FiscalYearDto? FiscalYear,
    [property: Description("True for the measure's printed row total (計).")] bool IsRowTotal,
    [property: Description("The cell exactly as printed; \"\" when the source leaves it blank.")] string PublishedText,
    [property: Description("The printed amount in million yen (百万円); null when nothing was printed. Never filled in.")] decimal? AmountMillionYen,
    [property: Description("Status of the figure after reconciliation: published, derived (a blank the totals determine), undetermined " +
        "(a blank the totals leave open; see range), inconsistent (a printed figure that a published relation contradicts), " +
        "no-data (「-」) or blank (a blank no table reconciles).")] string Status,
    string? Footnote,
    string? Note,
    IReadOnlyList<CitationDto> Citations,
    [property: Description("Status stored with the cell, as the source prints it: published, blank or no-data.")] string StoredStatus,
    [property: Description("The value to use in million yen: the printed amount, or the derived value; null when undetermined.")] decimal? ValueUsed,
    [property: Description("Why the cell has its status, in words: a derived cell's equation first, an undetermined cell's range first, " +
        "an inconsistent cell's broken relation with the hypothesis that would explain it.")] string Explanation,
    [property: Description("For derived cells: the arithmetic that determines the value, e.g. 「医薬基盤研究所 H18 = 34,250 − 11,474 − 11,333 = 11,443 (row total)」.")] string? Equation,
    [property: Description("For undetermined cells: the values the cell can take if amounts are non-negative.")] QualityRange? Range,
    [property: Description("The published relations this cell takes part in that do not hold, with their hypotheses (as in /api/v1/quality).")] IReadOnlyList<QualityInconsistency> Inconsistencies,
    [property: Description("Ministry code of the measure; null when the source names none.")] string? Ministry,
    [property: Description("Code of the bundle whose table the cell belongs to (e.g. cstp-cluster).")] string? Table,
    [property: Description("True for the table's 計 row (column totals and the grand total).")] bool IsColumnTotal,
    [property: Description("Row and column as the equations name them, e.g. 「医薬基盤研究所 H18」.")] string Label);

/// <summary>Filters of /api/v1/budgets; Status matches the reconciled status or the stored one (blank = empty in the source).</summary>
public sealed record BudgetFilter(string? Measure, string? Ministry, int? FiscalYear, string? Status)
{
    public static readonly IReadOnlySet<string> Statuses =
        new HashSet<string>(["published", "blank", "no-data", "derived", "undetermined", "inconsistent"], StringComparer.Ordinal);
}

/// <summary>
/// Budget cells with their reconciliation. Every table is reconciled as a whole (a cell's status depends on the
/// totals of its row and column), so the report is computed once per call and the requested cells read from it.
/// </summary>
public sealed class BudgetFigures(AtlasDbContext db, BudgetQualityCache? quality = null)
{
    public Task<List<BudgetDto>> ListAsync(BudgetFilter filter, CancellationToken ct)
    {
        var query = db.BudgetLines.AsQueryable();
        if (!string.IsNullOrWhiteSpace(filter.Measure))
        {
            query = query.Where(b => b.Programme!.Code == filter.Measure);
        }
        if (!string.IsNullOrWhiteSpace(filter.Ministry))
        {
            query = query.Where(b => b.Programme!.Ministry!.Code == filter.Ministry);
        }
        if (filter.FiscalYear is { } fy)
        {
            query = query.Where(b => b.FiscalYear == fy);
        }
        return ListAsync(query, filter.Status, ct);
    }

    public async Task<List<BudgetDto>> ListAsync(IQueryable<BudgetLine> query, CancellationToken ct) => await ListAsync(query, null, ct);

    private async Task<List<BudgetDto>> ListAsync(IQueryable<BudgetLine> query, string? status, CancellationToken ct)
    {
        var rows = await query.AsNoTracking().Include(b => b.Programme).ThenInclude(p => p!.Ministry)
            .OrderBy(b => b.ProgrammeId).ThenBy(b => b.FiscalYear == null).ThenBy(b => b.FiscalYear).ToListAsync(ct);
        if (rows.Count == 0)
        {
            return [];
        }
        var report = (await new BudgetQuality(db, quality).RunAsync(null, ct))!;
        var verdicts = report.Cells.ToDictionary(c => c.BudgetLineId);
        var figures = rows.Select(b => Figure(b, verdicts.GetValueOrDefault(b.Id), report.Inconsistencies)).ToList();
        return string.IsNullOrWhiteSpace(status) ? figures : [.. figures.Where(f => f.Status == status || f.StoredStatus == status)];
    }

    private static BudgetDto Figure(BudgetLine b, BudgetCellQuality? verdict, IReadOnlyList<QualityInconsistency> inconsistencies)
    {
        var stored = BudgetQuality.Kebab(b.Status.ToString());
        var measure = b.Programme!;
        // Every stored line is in the report; the fallback only guards a line added while the report ran.
        return new BudgetDto(b.Id, measure.Code, FiscalYearDto.From(b.FiscalYear), b.FiscalYear is null, b.PublishedText, b.AmountMillionYen,
            verdict?.Status ?? stored, b.Footnote, b.Note, verdict?.Citations ?? [], stored,
            verdict is null ? b.AmountMillionYen : verdict.ValueUsed, verdict is null ? "not reconciled" : Explain(verdict), verdict?.Equation, verdict?.Range,
            [.. inconsistencies.Where(i => i.BudgetLineIds.Contains(b.Id))], measure.Ministry?.Code, verdict?.Table,
            verdict?.IsColumnTotal ?? false, verdict?.Label ?? measure.NameJa);
    }

    /// <summary>The engine's reason, led by what a reader needs first: the equation of a derived cell, the range of an open one.</summary>
    private static string Explain(BudgetCellQuality v) => v.Status switch
    {
        "derived" when v.Equation is not null => $"{v.Equation}; {v.Explanation}",
        "undetermined" when v.Range is not null => $"range {v.Range.Text} (if amounts are non-negative); {v.Explanation}",
        _ => v.Explanation,
    };
}
