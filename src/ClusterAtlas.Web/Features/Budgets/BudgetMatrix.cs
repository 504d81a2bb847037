using ClusterAtlas.Programmes;
using ClusterAtlas.Sources;
using ClusterAtlas.Web.Features.Shared;

namespace ClusterAtlas.Web.Features.Budgets;

/// <summary>One row of the budget table: a measure (or the 計 row) with a figure per fiscal year and its row total last.</summary>
public sealed record BudgetRowView(string Code, string Name, string? Ministry, IReadOnlyList<BudgetFigureView> Figures, IReadOnlyList<CitationDto> Cites);

/// <summary>The measures of one ministry, in printed order.</summary>
public sealed record MinistryGroupView(string? Ministry, string Name, IReadOnlyList<BudgetRowView> Rows);

/// <summary>A budget table as the source prints it: measures × fiscal years plus the row totals, and the 計 row.</summary>
public sealed record BudgetMatrix(string Code, string Name, IReadOnlyList<int> Years, IReadOnlyList<MinistryGroupView> Groups, BudgetRowView? Totals)
{
    /// <summary>The cells of one table (same <see cref="BudgetDto.Table"/>), laid out in the printed order of their source lines.</summary>
    public static BudgetMatrix Build(string code, IReadOnlyList<BudgetDto> cells, IReadOnlyDictionary<string, ProgrammeOverviewDto> programmes, UiText t)
    {
        var years = cells.Select(c => c.FiscalYear?.Year).OfType<int>().Distinct().Order().ToList();
        string NameOf(string measure) => programmes.TryGetValue(measure, out var p) ? t.Name(p.NameJa, p.NameEn) : measure;
        BudgetRowView Row(string measure, string name, List<BudgetDto> row) => new(measure, name, row[0].Ministry,
            [.. years.Select(y => BudgetFigureView.Of(row.FirstOrDefault(c => c.FiscalYear?.Year == y), t)),
                BudgetFigureView.Of(row.FirstOrDefault(c => c.FiscalYear is null), t)],
            [.. row.SelectMany(c => c.Citations).DistinctBy(c => (c.Document, c.Line))]);

        var rows = cells.Where(c => !c.IsColumnTotal).GroupBy(c => c.Measure, StringComparer.Ordinal)
            .OrderBy(g => PrintedAt(g), PrintedOrder.Instance)
            .Select(g => Row(g.Key, NameOf(g.Key), [.. g])).ToList();
        // Ministries in the order their first measure is printed; a measure without a printed ministry forms its own group.
        var groups = rows.GroupBy(r => r.Ministry ?? "").Select(g => new MinistryGroupView(
            g.Key.Length == 0 ? null : g.Key, g.Key.Length == 0 ? t["budgets.ministry.none"] : t.Label("ministry", g.Key), [.. g])).ToList();
        var totals = cells.Where(c => c.IsColumnTotal).ToList();
        var name = programmes.TryGetValue(code, out var bundle) ? t.Name(bundle.NameJa, bundle.NameEn) : code;
        return new BudgetMatrix(code, name, years, groups, totals.Count == 0 ? null : Row(code, t["budgets.columnTotal"], totals));
    }

    public IEnumerable<BudgetRowView> Rows => Groups.SelectMany(g => g.Rows);

    /// <summary>The download: per fiscal year (and the row total) a value column and a status column, so nothing is lost.</summary>
    public DataTable ToDataTable(UiText t, IReadOnlyList<BudgetDto> cells)
    {
        var heads = Years.Select(t.FyShort).Append(t["budgets.rowTotal"]).ToList();
        var columns = new List<string> { t["budgets.sums.ministry"], t["budgets.measure"] };
        foreach (var head in heads)
        {
            columns.Add(head);
            columns.Add(t.Format("budgets.statusOf", head));
        }
        var table = new DataTable("budgets-" + Code, $"{Name}: {t["budgets.table"]}", [.. columns]) { Json = cells };
        var rows = Groups.SelectMany(g => g.Rows.Select(r => (Ministry: g.Name, Row: r))).ToList();
        if (Totals is not null)
        {
            rows.Add(("", Totals));
        }
        foreach (var (ministry, row) in rows)
        {
            var line = new List<Cell> { ministry, Cell.Of(row.Name, PortalLinks.Programme(row.Code), row.Cites) };
            foreach (var figure in row.Figures)
            {
                line.Add(Cell.Num(figure.Text, figure.Raw));
                line.Add(figure.Cell is null ? "" : t.Label("status.short", figure.Status));
            }
            table.Add([.. line]);
        }
        return table;
    }

    private static (string Document, int Line, int Id) PrintedAt(IEnumerable<BudgetDto> row) =>
        row.SelectMany(c => c.Citations.Where(x => x.Document is not null && x.Line is not null).Select(x => (x.Document!, x.Line!.Value, c.Id)))
            .DefaultIfEmpty(("\uffff", int.MaxValue, row.Min(c => c.Id))).Order(PrintedOrder.Instance).First();

    private sealed class PrintedOrder : IComparer<(string Document, int Line, int Id)>
    {
        public static readonly PrintedOrder Instance = new();

        public int Compare((string Document, int Line, int Id) x, (string Document, int Line, int Id) y)
        {
            var byDocument = string.CompareOrdinal(x.Document, y.Document);
            return byDocument != 0 ? byDocument : x.Line != y.Line ? x.Line.CompareTo(y.Line) : x.Id.CompareTo(y.Id);
        }
    }
}
