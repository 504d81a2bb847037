using System.Globalization;
using ClusterAtlas.Ministries;
using ClusterAtlas.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace ClusterAtlas.Web.Features.Ministries;

public sealed class IndexModel(MinistryQueries ministries) : PortalPageModel
{
    public DataTable Table { get; private set; } = new("ministries", "");

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var rows = await ministries.ListAsync(ct);
        Table = new DataTable("ministries", T["ministries.table"], T["common.ministry"], T["common.code"], T["ministry.programmes"]) { Json = rows };
        foreach (var m in rows)
        {
            Table.Add(Cell.Of(T.Name(m.NameJa, m.NameEn), PortalLinks.Ministry(m.Code), m.Citations), m.Code,
                Cell.Num(T.Number(m.Programmes.Count), m.Programmes.Count.ToString(CultureInfo.InvariantCulture)));
        }
        return PageOrData(Table);
    }
}
