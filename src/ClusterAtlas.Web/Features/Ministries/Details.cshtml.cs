using ClusterAtlas.Events;
using ClusterAtlas.Ministries;
using ClusterAtlas.Programmes;
using ClusterAtlas.Web.Features.Events;
using ClusterAtlas.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace ClusterAtlas.Web.Features.Ministries;

/// <summary>/ministries/{code}: the ministry's programmes and measures, and the events it organised.</summary>
public sealed class DetailsModel(MinistryQueries ministries, ProgrammeOverview overview, EventQueries events) : PortalPageModel
{
    public MinistryDto Ministry { get; private set; } = null!;
    public DataTable Programmes { get; private set; } = null!;
    public DataTable Events { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var ministry = (await ministries.ListAsync(ct)).FirstOrDefault(m => m.Code == code);
        if (ministry is null)
        {
            return NotFound();
        }
        Ministry = ministry;
        var rows = (await overview.ListAsync(ct)).Where(p => p.Ministry == code).ToList();
        Programmes = new DataTable("programmes", T["ministry.programmes"], T["common.programme"], T["common.kind"], T["common.termText"], T["common.term"])
            { Json = rows };
        foreach (var p in rows)
        {
            Programmes.Add(Cell.Of(T.Name(p.NameJa, p.NameEn), PortalLinks.Programme(p.Code), p.Citations.For("", "ministry")), T.Label("kind", p.Kind),
                Cell.Of(p.TermText, cites: p.Citations.For("termText", "startFy", "endFy"), lang: T.JaOnly), T.Term(p.Start, p.End));
        }
        var organised = await AllPages.ReadAsync(page => events.ListAsync(new EventFilter(null, null, null, null, null, code), page, ct));
        Events = EventTables.Build([.. organised.Where(e => e.Organisers.Contains(code))], T);
        return PageOrData(Programmes, Events);
    }
}
