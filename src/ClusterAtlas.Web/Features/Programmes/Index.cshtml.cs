using System.Globalization;
using ClusterAtlas.Programmes;
using ClusterAtlas.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace ClusterAtlas.Web.Features.Programmes;

/// <summary>/programmes: every programme, phase, track and measure as a tree, with terms and participation spans.</summary>
public sealed class IndexModel(ProgrammeOverview overview) : PortalPageModel
{
    [BindProperty(SupportsGet = true)] public string? Ministry { get; set; }

    public DataTable Table { get; private set; } = new("programmes", "");
    public List<(string Code, string Name)> Ministries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var all = await overview.ListAsync(ct);
        Ministries = [.. all.Where(p => p.Ministry is not null).DistinctBy(p => p.Ministry).Select(p => (p.Ministry!, T.Name(p.MinistryNameJa!, p.MinistryNameEn)))];
        var rows = string.IsNullOrWhiteSpace(Ministry) ? all : [.. all.Where(p => p.Ministry == Ministry)];
        Table = new DataTable("programmes", T["programmes.table"], T["common.programme"], T["common.kind"], T["common.ministry"],
            T["common.termText"], T["home.timeline.published"], T["programme.span"], T["programme.regionCount"]) { Json = rows };
        foreach (var p in rows)
        {
            Table.AddRow("p-" + p.Code, "depth-" + Math.Min(p.Depth, 3).ToString(CultureInfo.InvariantCulture),
                Cell.Of(T.Name(p.NameJa, p.NameEn), PortalLinks.Programme(p.Code), p.Citations.For("")), T.Label("kind", p.Kind),
                p.Ministry is null ? Cell.Of(null) : Cell.Of(T.Name(p.MinistryNameJa!, p.MinistryNameEn), PortalLinks.Ministry(p.Ministry), p.Citations.For("ministry")),
                Cell.Of(p.TermText, cites: p.Citations.For("termText", "startFy", "endFy"), lang: T.JaOnly), T.Term(p.Start, p.End),
                T.Term(p.FirstParticipation, p.LastParticipation), Cell.Num(p.Regions == 0 ? "" : T.Number(p.Regions), p.Regions.ToString(CultureInfo.InvariantCulture)));
        }
        return PageOrData(Table);
    }
}
