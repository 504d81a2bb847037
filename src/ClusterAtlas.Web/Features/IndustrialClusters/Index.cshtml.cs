using System.Globalization;
using ClusterAtlas.IndustrialClusters;
using ClusterAtlas.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace ClusterAtlas.Web.Features.IndustrialClusters;

/// <summary>/industrial-clusters: METI's Industrial Cluster Plan projects with their published size.</summary>
public sealed class IndexModel(IndustrialClusterQueries clusters) : PortalPageModel
{
    public DataTable Table { get; private set; } = new("projects", "");
    public ChartData? Chart { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var rows = await AllPages.ReadAsync(page => clusters.ListAsync(null, page, ct));
        Table = new DataTable("projects", T["industrial.table"], T["common.name"], T["industrial.area"], T["common.fields"], T["industrial.companies"],
            T["industrial.universities"], T["industrial.asOf"]) { Json = rows };
        foreach (var c in rows)
        {
            Table.AddRow("ic-" + c.Code, null, Cell.Of(T.Name(c.NameJa, c.NameEn), cites: c.Citations.For("", "nameJa")), Cell.Of(c.Area, lang: T.JaOnly),
                Cell.Of(c.FieldsText, lang: T.JaOnly), Cell.Num(c.CompaniesText, c.CompaniesApprox?.ToString(CultureInfo.InvariantCulture)),
                Cell.Num(c.UniversitiesText, c.Universities?.ToString(CultureInfo.InvariantCulture)), T.Fy(c.AsOfYear));
        }
        if (rows.Count > 0)
        {
            Chart = new ChartData("bar", T["industrial.companies"], T.En ? "companies" : "社", [.. rows.Select(c => T.Name(c.NameJa, c.NameEn))],
                [new ChartSeries(T["industrial.companies"], [.. rows.Select(c => (decimal?)c.CompaniesApprox)])]);
        }
        return PageOrData(Table);
    }
}
