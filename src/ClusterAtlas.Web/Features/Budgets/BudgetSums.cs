using ClusterAtlas.Web.Features.Shared;

namespace ClusterAtlas.Web.Features.Budgets;

/// <summary>
/// A sum over some cells of one fiscal year: what the figures with a value add up to, and the undetermined cells left
/// out (with the range their sum can take, from each cell's own range). An undetermined cell never counts as 0.
/// </summary>
public sealed record PartialSum(decimal? Known, bool IncludesDerived, int Open, decimal OpenMin, decimal? OpenMax)
{
    public static PartialSum Of(IEnumerable<BudgetFigureView> figures)
    {
        var cells = figures.Select(f => f.Cell).OfType<ClusterAtlas.Programmes.BudgetDto>().ToList();
        var known = cells.Where(c => c.ValueUsed is not null).ToList();
        var open = cells.Where(c => c.ValueUsed is null).ToList();
        return new PartialSum(known.Count == 0 ? null : known.Sum(c => c.ValueUsed!.Value), known.Any(c => c.Status == "derived"), open.Count,
            open.Sum(c => c.Range?.Min ?? 0), open.All(c => c.Range?.Max is not null) ? open.Sum(c => c.Range!.Max!.Value) : null);
    }
}

/// <summary>The sums by ministry and fiscal year, as a table and as the two charts (by ministry, by fiscal year).</summary>
public sealed record BudgetSums(DataTable Table, ChartData ByMinistry, ChartData ByYear, IReadOnlyList<string> OpenCells)
{
    public static BudgetSums Build(BudgetMatrix m, UiText t)
    {
        var years = Enumerable.Range(0, m.Years.Count).ToList();
        var sums = m.Groups.Select(g => years.Select(i => PartialSum.Of(g.Rows.Select(r => r.Figures[i]))).ToList()).ToList();
        // What the printed column total leaves for the undetermined cells: determined even where each cell is not.
        var remainder = years.Select(i =>
        {
            var column = PartialSum.Of(m.Rows.Select(r => r.Figures[i]));
            var total = m.Totals?.Figures[i].Cell;
            return column.Open > 0 && total is { ValueUsed: { } printed } && total.Status != "inconsistent" ? printed - (column.Known ?? 0) : (decimal?)null;
        }).ToList();

        var table = new DataTable("sums-" + m.Code, t["budgets.sums.table"], [t["budgets.sums.ministry"], .. m.Years.Select(t.FyShort)]) { RowHeaders = true };
        for (var g = 0; g < m.Groups.Count; g++)
        {
            table.Add([m.Groups[g].Name, .. sums[g].Select(s => SumCell(s, t))]);
        }
        if (remainder.Any(r => r is not null))
        {
            table.Add([t["budgets.remainder"], .. remainder.Select(r => Cell.Num(r is null ? "" : t.Number(r), Plain(r)))]);
        }
        if (m.Totals is not null)
        {
            table.Add([t["budgets.printedTotal"], .. years.Select(i => FigureCell(m.Totals.Figures[i], t))]);
        }
        table.Json = m.Groups.Select((g, i) => new { g.Ministry, g.Name, Years = m.Years.Zip(sums[i], (y, s) => new { FiscalYear = y, Sum = s }) });

        var unit = t.En ? "million yen" : "百万円";
        var byMinistry = new ChartData("stacked-bar", t["budgets.byMinistry.chart"], unit, [.. m.Groups.Select(g => ShortName(g, t))],
            [.. years.Select(i => new ChartSeries(t.FyShort(m.Years[i]), [.. sums.Select(s => s[i].Known)]))]);
        var byYearSeries = m.Groups.Select((g, n) => new ChartSeries(g.Name, [.. sums[n].Select(s => s.Known)])).ToList();
        if (remainder.Any(r => r is not null))
        {
            byYearSeries.Add(new ChartSeries(t["budgets.remainder"], remainder));
        }
        var byYear = new ChartData("stacked-bar", t["budgets.byYear.chart"], unit, [.. m.Years.Select(t.FyShort)], byYearSeries);
        var open = m.Rows.SelectMany(r => years.Where(i => r.Figures[i].Status == "undetermined").Select(i => $"{r.Name} {t.FyShort(m.Years[i])}")).ToList();
        return new BudgetSums(table, byMinistry, byYear, open);
    }

    /// <summary>An axis label: MEXT rather than the full English name, so nine ministries fit side by side (a ministry without one shows its code).</summary>
    private static string ShortName(MinistryGroupView g, UiText t) => t.Label("budgets.ministry.short", g.Ministry ?? "none");

    private static Cell SumCell(PartialSum s, UiText t)
    {
        var parts = new List<CellPart>();
        if (s.Known is { } known)
        {
            parts.Add(new CellPart(t.Number(known)));
        }
        if (s.IncludesDerived)
        {
            parts.Add(new CellPart(t["budgets.sums.includesDerived"], Css: "status-badge status-derived"));
        }
        if (s.Open > 0)
        {
            parts.Add(new CellPart(t.Format("budgets.sums.undetermined", BudgetFigureView.Range(s.OpenMin, s.OpenMax, t)), Css: "status-badge status-undetermined"));
        }
        var raw = s.Open == 0 && !s.IncludesDerived ? Plain(s.Known) : string.Join(" ", parts.Select(p => p.Text));
        return new Cell(parts, [], Numeric: true, Raw: raw);
    }

    private static Cell FigureCell(BudgetFigureView f, UiText t) => new(
        [new CellPart(f.Text), .. f.Badge is null ? Array.Empty<CellPart>() : [new CellPart(f.Badge, f.Href, Css: "status-badge status-" + f.Status, Title: f.Title)]],
        f.Cell?.Citations ?? [], Numeric: true, Raw: f.Raw);

    private static string Plain(decimal? value) => BudgetFigureView.Plain(value);
}
