using System.Globalization;
using ClusterAtlas.Programmes;
using ClusterAtlas.Web.Features.Shared;

namespace ClusterAtlas.Web.Features.Budgets;

/// <summary>
/// How one budget cell is shown: the number (blank stays blank, 「-」 stays 「－」, an undetermined cell shows no
/// number), a status mark for everything that is not published as printed, the explanation as tooltip and a link to the
/// cell's reasoning on /quality (the accessible route to the same text).
/// </summary>
public sealed record BudgetFigureView(BudgetDto? Cell, string Text, string Status, string? Badge, string? Detail, string? Title, string? Href)
{
    public static readonly BudgetFigureView Missing = new(null, "", "missing", null, null, null, null);

    public bool IsPublished => Status == "published";

    public static BudgetFigureView Of(BudgetDto? cell, UiText t)
    {
        if (cell is null)
        {
            return Missing;
        }
        var text = cell.Status switch
        {
            "undetermined" or "blank" => "",
            "no-data" => "－",
            _ => t.Number(cell.ValueUsed ?? cell.AmountMillionYen),
        };
        var detail = cell.Status == "undetermined" && cell.Range is { } r ? Range(r.Min, r.Max, t) : null;
        var printed = cell.PublishedText.Length == 0 ? t["status.short.blank"] : $"「{cell.PublishedText}」";
        var title = t.Format("budgets.figure.title", cell.Label, t.Label("status", cell.Status), printed, cell.Explanation);
        return new BudgetFigureView(cell, text, cell.Status, cell.Status == "published" ? null : t.Label("status.short", cell.Status), detail, title,
            QualityLink(cell.Id));
    }

    /// <summary>The value for CSV/XLSX: a plain number when there is one, 「－」 for no data, empty for a blank.</summary>
    public string Raw => Cell is null ? "" : Status switch
    {
        "undetermined" or "blank" => "",
        // The full-width dash as shown: a leading ASCII "-" would be escaped as a formula in CSV.
        "no-data" => "－",
        _ => Plain(Cell.ValueUsed ?? Cell.AmountMillionYen),
    };

    /// <summary>A plain number for downloads: 5139, not 5,139 or 5139.0 (amounts come back from the database with a scale).</summary>
    public static string Plain(decimal? value) => value?.ToString("0.##########", CultureInfo.InvariantCulture) ?? "";

    public static string QualityLink(int budgetLineId) => "/quality#cell-" + budgetLineId.ToString(CultureInfo.InvariantCulture);

    public static string Range(decimal min, decimal? max, UiText t) => max is { } m ? $"{t.Number(min)}–{t.Number(m)}" : $"≥ {t.Number(min)}";
}
