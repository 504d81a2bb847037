using System.Globalization;
using ClusterAtlas.Sources;
using ClusterAtlas.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace ClusterAtlas.Web.Features.Sources;

public sealed class IndexModel(SourceQueries sources) : PortalPageModel
{
    public DataTable Table { get; private set; } = new("sources", "");

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var rows = await sources.ListAsync(ct);
        Table = new DataTable("sources", T["sources.table"], T["common.source"], T["common.code"], T["sources.publisher"], T["sources.lines"],
            T["sources.citations"]) { Json = rows };
        foreach (var s in rows)
        {
            Table.Add(Cell.Of(T.Name(s.TitleJa, s.TitleEn), PortalLinks.Source(s.Id)), Cell.Of(s.Id), Cell.Of(s.Publisher, lang: T.JaOnly),
                Cell.Num(T.Number(s.LineCount), s.LineCount.ToString(CultureInfo.InvariantCulture)),
                Cell.Num(T.Number(s.Citations), s.Citations.ToString(CultureInfo.InvariantCulture)));
        }
        return PageOrData(Table);
    }
}
