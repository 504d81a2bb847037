using ClusterAtlas.Programmes;
using ClusterAtlas.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace ClusterAtlas.Web.Features.Budgets;

/// <summary>One budget table on the page: the measures by ministry, their sums and charts, and the source's notes.</summary>
public sealed record BudgetTableSection(BudgetMatrix Matrix, DataTable Download, BudgetSums Sums, IReadOnlyList<BudgetNote> Notes);

/// <summary>/budgets: measure × fiscal year grouped by ministry, every figure with its status; charts by ministry and by year.</summary>
public sealed class IndexModel(BudgetFigures figures, ProgrammeOverview programmes) : PortalPageModel
{
    public List<BudgetTableSection> Sections { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var cells = await figures.ListAsync(new BudgetFilter(null, null, null, null), ct);
        var byCode = (await programmes.ListAsync(ct)).ToDictionary(p => p.Code, StringComparer.Ordinal);
        foreach (var table in cells.GroupBy(c => c.Table ?? "").OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var matrix = BudgetMatrix.Build(table.Key, [.. table], byCode, T);
            Sections.Add(new BudgetTableSection(matrix, matrix.ToDataTable(T, [.. table]), BudgetSums.Build(matrix, T), BudgetNotes.Of(matrix, byCode, T)));
        }
        return PageOrData([.. Sections.SelectMany(s => new[] { s.Download, s.Sums.Table })]);
    }
}
