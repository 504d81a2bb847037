using System.Globalization;
using ClusterAtlas.Programmes;
using ClusterAtlas.Reconciliation;
using ClusterAtlas.Web.Features.Shared;

namespace ClusterAtlas.Web.Features.Quality;

/// <summary>One reconciled table of the report, with its cells and inconsistencies as downloadable tables.</summary>
public sealed record QualitySection(QualityTable Table, IReadOnlyList<BudgetCellQuality> Cells, IReadOnlyList<QualityInconsistency> Inconsistencies,
    DataTable CellTable, DataTable InconsistencyTable);

/// <summary>Builds the /quality tables; cells are named in the page language (the engine's labels are Japanese).</summary>
internal sealed class QualityTables(UiText t, IReadOnlyDictionary<string, ProgrammeOverviewDto> programmes)
{
    public static string Anchor(int budgetLineId) => "cell-" + budgetLineId.ToString(CultureInfo.InvariantCulture);

    /// <summary>「医薬基盤研究所 平成18年度」, "… FY2006"; 計 for row totals; the bundle's row is the table's 計 row.</summary>
    public string Name(BudgetCellQuality c)
    {
        var row = c.IsColumnTotal ? t["budgets.columnTotal"]
            : programmes.TryGetValue(c.Measure, out var p) ? t.Name(p.NameJa, p.NameEn) : c.MeasureNameJa;
        var column = c.FiscalYear is null ? (c.IsColumnTotal ? null : t["budgets.rowTotal"]) : t.FyShort(c.FiscalYear.Year);
        return column is null ? row : $"{row} {column}";
    }

    public string NameOf(int budgetLineId, IReadOnlyList<BudgetCellQuality> cells) =>
        cells.FirstOrDefault(c => c.BudgetLineId == budgetLineId) is { } c ? Name(c) : budgetLineId.ToString(CultureInfo.InvariantCulture);

    public CellPart Badge(string status, string? href = null, string? title = null) =>
        new(t.Label("status.short", status), href, null, "status-badge status-" + status, title);

    public QualitySection Section(QualityTable table, BudgetQualityReport report)
    {
        var cells = report.Cells.Where(c => c.Table == table.Code).ToList();
        var inconsistencies = report.Inconsistencies.Where(i => i.Table == table.Code).ToList();
        return new QualitySection(table, cells, inconsistencies, CellTable(table, cells), InconsistencyTable(table, inconsistencies, cells));
    }

    private DataTable CellTable(QualityTable table, List<BudgetCellQuality> cells)
    {
        var data = new DataTable("cells-" + table.Code, $"{table.NameJa}: {t["quality.cells.table"]}", t["quality.cell"], t["quality.published"],
            t["quality.valueUsed"], t["common.status"], t["quality.explanation"]) { Json = cells };
        foreach (var c in cells)
        {
            var explanation = new List<CellPart>();
            if (c.Equation is not null)
            {
                explanation.Add(new CellPart(c.Equation, Lang: "en", Css: "equation"));
            }
            if (c.Range is not null)
            {
                explanation.Add(new CellPart($"{t["quality.range"]}: {c.Range.Text}"));
            }
            explanation.Add(new CellPart(c.Explanation, Lang: "en"));
            data.AddRow(Anchor(c.BudgetLineId), "status-" + c.Status,
                Cell.Of(Name(c), PortalLinks.Programme(c.Measure)),
                new Cell(c.PublishedText.Length == 0 ? [] : [new CellPart(c.PublishedText, Lang: t.JaOnly)], c.Citations),
                Cell.Num(t.Number(c.ValueUsed), Budgets.BudgetFigureView.Plain(c.ValueUsed)),
                new Cell([Badge(c.Status)], []),
                Cell.List(explanation));
        }
        return data;
    }

    private DataTable InconsistencyTable(QualityTable table, List<QualityInconsistency> list, List<BudgetCellQuality> cells)
    {
        var data = new DataTable("inconsistencies-" + table.Code, $"{table.NameJa}: {t["quality.inconsistencies.table"]}", "#", t["quality.relation"],
            t["quality.equation"], t["quality.difference"], t["quality.hypothesis"], t["quality.cell"]) { Json = list };
        foreach (var i in list)
        {
            var involved = cells.Where(c => i.BudgetLineIds.Contains(c.BudgetLineId)).ToList();
            data.Add(Cell.Of(i.Number.ToString(CultureInfo.InvariantCulture)), Cell.Of(i.Relation, lang: "en"), Cell.Of(i.Equation, lang: "en"),
                Cell.Num((i.Difference > 0 ? "+" : "") + t.Number(i.Difference), Budgets.BudgetFigureView.Plain(i.Difference)),
                Cell.List(i.Hypotheses.Count == 0 ? [new CellPart(t["quality.hypothesis.none"])] : i.Hypotheses.Select(h => new CellPart(h.Text, Lang: "en"))),
                new Cell([.. involved.Select(c => new CellPart(Name(c), "#" + Anchor(c.BudgetLineId)))], [.. involved.SelectMany(c => c.Citations)]));
        }
        return data;
    }
}
