using ClusterAtlas.Programmes;
using ClusterAtlas.Sources;

namespace ClusterAtlas.Web.Features.Budgets;

/// <summary>A footnote or remark the source prints with the table, with the line it is printed on.</summary>
public sealed record BudgetNote(string Subject, string Marker, string Text, string? TextLang, IReadOnlyList<CitationDto> Cites);

internal static class BudgetNotes
{
    /// <summary>
    /// Footnote markers of the cells (「- (*)」; the footnote text itself is not always in the extraction, the curator's
    /// note says so) and the 「※…」 remarks printed in a measure's name cell (quoted by its termText citation).
    /// </summary>
    public static List<BudgetNote> Of(BudgetMatrix m, IReadOnlyDictionary<string, ProgrammeOverviewDto> programmes, Shared.UiText t)
    {
        var notes = new List<BudgetNote>();
        var rows = m.Totals is null ? m.Rows : m.Rows.Append(m.Totals);
        foreach (var row in rows)
        {
            foreach (var cell in row.Figures.Select(f => f.Cell).OfType<BudgetDto>().Where(c => !string.IsNullOrEmpty(c.Footnote)))
            {
                var when = cell.FiscalYear is null ? t["budgets.rowTotal"] : t.FyShort(cell.FiscalYear.Year);
                notes.Add(new BudgetNote($"{row.Name} {when} 「{cell.PublishedText}」", t.Format("budgets.notes.footnote", cell.Footnote), cell.Note ?? "", "en", cell.Citations));
            }
            if (programmes.TryGetValue(row.Code, out var p))
            {
                foreach (var cite in p.Citations.Where(c => c.Field == "termText" && c.Quote.Contains('※', StringComparison.Ordinal)))
                {
                    notes.Add(new BudgetNote(row.Name, t["budgets.notes.remark"], cite.Quote[cite.Quote.IndexOf('※', StringComparison.Ordinal)..], t.JaOnly, [cite]));
                }
            }
        }
        return notes;
    }
}
