using ClusterAtlas.Programmes;
using ClusterAtlas.Reconciliation;
using ClusterAtlas.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace ClusterAtlas.Web.Features.Quality;

/// <summary>/quality: the budget data-quality report of `atlas check` and /api/v1/quality, cell by cell, with sources.</summary>
public sealed class IndexModel(BudgetQuality quality, ProgrammeOverview programmes) : PortalPageModel
{
    public BudgetQualityReport Report { get; private set; } = null!;
    public List<QualitySection> Sections { get; private set; } = [];
    internal QualityTables Tables { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Report = (await quality.RunAsync(null, ct))!;
        var byCode = (await programmes.ListAsync(ct)).ToDictionary(p => p.Code, StringComparer.Ordinal);
        Tables = new QualityTables(T, byCode);
        Sections = [.. Report.Tables.Select(t => Tables.Section(t, Report))];
        return PageOrData([.. Sections.SelectMany(s => new[] { s.CellTable, s.InconsistencyTable })]);
    }
}
