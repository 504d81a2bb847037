using ClusterAtlas.Japanese;
using ClusterAtlas.Programmes;

namespace ClusterAtlas.Reconciliation;

/// <summary>A budget table ready for the engine, with the budget line behind each position.</summary>
internal sealed record BudgetTable(Programme? Bundle, ReconciliationTable Table, Dictionary<CellRef, BudgetLine> Lines, List<BudgetLine> Unplaced)
{
    public string Code => Bundle?.Code ?? "";
}

/// <summary>
/// Turns budget lines into tables: rows = measures, columns = fiscal years, FiscalYear null = the row total; the lines
/// of a bundle programme (kind Bundle, e.g. cstp-cluster) are the column totals and the grand total.
/// </summary>
internal static class BudgetTables
{
    /// <summary>Rows follow the printed order (source document and line of each budget line's citation).</summary>
    public static List<BudgetTable> Build(IReadOnlyList<BudgetLine> lines, IReadOnlyDictionary<int, Programme> programmes, Func<BudgetLine, (string Document, int Line)> printedOrder)
    {
        var bundles = programmes.Values.Where(p => p.Kind == ProgrammeKind.Bundle).ToList();
        var bundlesWithLines = bundles.Where(b => lines.Any(l => l.ProgrammeId == b.Id)).ToList();
        Programme? BundleOf(Programme p)
        {
            for (var parent = p.ParentId; parent is { } id && programmes.TryGetValue(id, out var up); parent = up.ParentId)
            {
                if (up.Kind == ProgrammeKind.Bundle)
                {
                    return up;
                }
            }
            // kc and city-area are rows of the CSTP table without being its children (decoding/004.md §2): with a
            // single bundle, every measure belongs to it.
            return bundlesWithLines.Count == 1 ? bundlesWithLines[0] : null;
        }
        var byProgramme = lines.GroupBy(l => l.ProgrammeId).ToDictionary(g => g.Key, g => g.OrderBy(l => l.Id).ToList());
        var rowsByBundle = byProgramme.Keys.Select(id => programmes[id]).Where(p => p.Kind != ProgrammeKind.Bundle)
            .GroupBy(p => BundleOf(p)?.Id ?? 0);
        var tables = new List<BudgetTable>();
        foreach (var group in rowsByBundle.OrderBy(g => g.Key))
        {
            var bundle = group.Key == 0 ? null : programmes[group.Key];
            var first = group.ToDictionary(p => p.Id, p => byProgramme[p.Id].Select(printedOrder)
                .OrderBy(k => k.Document, StringComparer.Ordinal).ThenBy(k => k.Line).First());
            var rows = group.OrderBy(p => first[p.Id].Document, StringComparer.Ordinal).ThenBy(p => first[p.Id].Line)
                .ThenBy(p => byProgramme[p.Id].Min(l => l.Id)).ToList();
            var bundleLines = bundle is not null && byProgramme.TryGetValue(bundle.Id, out var b) ? b : [];
            tables.Add(Table(bundle, rows, byProgramme, bundleLines));
        }
        foreach (var bundle in bundlesWithLines.Where(b => tables.All(t => t.Bundle?.Id != b.Id)))
        {
            tables.Add(Table(bundle, [], byProgramme, byProgramme[bundle.Id]));
        }
        return tables;
    }

    private static BudgetTable Table(Programme? bundle, List<Programme> rows, Dictionary<int, List<BudgetLine>> byProgramme, List<BudgetLine> bundleLines)
    {
        var years = rows.SelectMany(r => byProgramme[r.Id]).Concat(bundleLines).Select(l => l.FiscalYear).OfType<int>().Distinct().Order().ToList();
        var table = new ReconciliationTable(
            [.. rows.Select(r => new TableAxis(r.Code, r.NameJa))],
            [.. years.Select(y => new TableAxis(Key(y), ShortLabel(y)))]);
        var placed = new Dictionary<CellRef, BudgetLine>();
        var unplaced = new List<BudgetLine>();
        void Place(CellRef at, BudgetLine line)
        {
            if (!placed.TryAdd(at, line))
            {
                unplaced.Add(line); // a second line for the same measure and year is reported, not reconciled
                return;
            }
            table.Set(at, Cell(line));
        }
        foreach (var row in rows)
        {
            byProgramme[row.Id].ForEach(l => Place(new CellRef(row.Code, l.FiscalYear is { } y ? Key(y) : null), l));
        }
        bundleLines.ForEach(l => Place(new CellRef(null, l.FiscalYear is { } y ? Key(y) : null), l));
        return new BudgetTable(bundle, table, placed, unplaced);
    }

    /// <summary>Only printed figures are published; a stored derived value is not, so the engine works it out again.</summary>
    private static TableCell Cell(BudgetLine line) => line.Status switch
    {
        BudgetStatus.Published or BudgetStatus.Inconsistent when line.AmountMillionYen is { } amount => TableCell.Published(amount),
        BudgetStatus.NoData => TableCell.NoData,
        _ => TableCell.Blank,
    };

    public static string Key(int fiscalYear) => fiscalYear.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>"H18", as the published tables head their columns.</summary>
    public static string ShortLabel(int fiscalYear) => JapaneseEra.Naming(fiscalYear) is { } era
        ? FormattableString.Invariant($"{era.Letter}{fiscalYear - era.FirstYear + 1}")
        : new FiscalYear(fiscalYear).EnglishLabel;
}
