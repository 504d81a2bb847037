using ClusterAtlas.Regions;
using ClusterAtlas.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace ClusterAtlas.Web.Features.Regions;

/// <summary>/regions/{code}: everything about one region, each fact followed by its citation.</summary>
[OutputCache(PolicyName = RegistryCaching.Policy)]
public sealed class DetailsModel(RegionDetails details) : PortalPageModel
{
    public RegionDetailDto Region { get; private set; } = null!;
    public TimelineData Timeline { get; private set; } = new([], 2001, 2013);
    public WorldMapData World { get; private set; } = new([]);
    public ChartData? Chart { get; private set; }
    public DataTable Participations { get; private set; } = null!;
    public DataTable Roles { get; private set; } = null!;
    public DataTable Organisations { get; private set; } = null!;
    public DataTable Links { get; private set; } = null!;
    public DataTable Indicators { get; private set; } = null!;
    public DataTable Aliases { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        // A download holds every row; the page shows the first rows of each list (a national dataset has hundreds).
        var region = await details.GetAsync(code, string.IsNullOrEmpty(Format) ? RegionDetails.DefaultSectionLimit : null, ct);
        if (region is null)
        {
            return NotFound();
        }
        Region = region;
        var name = T.Name(region.NameJa, region.NameEn);
        Timeline = Maps.Participations([(name, null, region.Participations)], T);
        World = Maps.World(region.Links, T, _ => name);

        Participations = new DataTable("participations", T["region.participations.table"], T["common.programme"], T["common.term"],
            T["common.termText"], T["region.cluster"], T["region.theme"], T["region.group"], T["common.basis"], T["common.note"]) { Json = region.Participations };
        foreach (var p in region.Participations)
        {
            Participations.Add(Cell.Of(T.Name(p.ProgrammeNameJa, p.ProgrammeNameEn), PortalLinks.Programme(p.Programme), p.Citations.For("programme", "")),
                T.Term(p.Start, p.End), Cell.Of(p.TermText, cites: p.Citations.For("termText", "startFy", "endFy"), lang: T.JaOnly),
                Cell.Of(p.ClusterName, cites: p.Citations.For("clusterName"), lang: T.JaOnly), Cell.Of(p.Theme, cites: p.Citations.For("theme"), lang: T.JaOnly),
                Cell.Of(p.GroupLabel, cites: p.Citations.For("groupLabel", "sourcePage"), lang: T.JaOnly), T.Label("basis", p.Basis),
                Cell.Of(p.Note, lang: "en"));
        }

        Roles = new DataTable("roles", T["region.roles.table"], T["common.title"], T["common.person"], T["common.organisation"], T["common.from"], T["common.to"])
            { Json = region.Roles };
        foreach (var r in region.Roles)
        {
            Roles.Add(Cell.Of(r.Title, lang: T.JaOnly), Cell.Of(r.PersonNameJa, PortalLinks.Person(r.PersonCode), r.Citations, T.JaOnly),
                r.Organisation is null ? Cell.Of(null) : Cell.Of(T.Name(r.Organisation.NameJa, r.Organisation.NameEn), PortalLinks.Organisation(r.Organisation.Code)),
                T.Date(r.From), T.Date(r.To));
        }

        Organisations = new DataTable("organisations", T["region.organisations.table"], T["common.organisation"], T["common.kind"], T["common.country"])
            { Json = region.Organisations };
        foreach (var o in region.Organisations)
        {
            Organisations.Add(Cell.Of(T.Name(o.NameJa, o.NameEn), PortalLinks.Organisation(o.Code)), T.Label("org", o.Kind), T.Country(o.Country));
        }

        Links = new DataTable("links", T["region.links.table"], T["common.partner"], T["common.country"], T["common.kind"], T["common.fiscalYear"], T["common.activity"])
            { Json = region.Links };
        foreach (var l in region.Links)
        {
            Links.AddRow("link-" + l.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), null,
                l.PartnerOrganisation is { } org ? Cell.Of(T.Name(org.NameJa, org.NameEn), PortalLinks.Organisation(org.Code))
                    : Cell.Of(l.PartnerName ?? "—", lang: l.PartnerName is null ? null : T.JaOnly),
                Cell.Of(T.Country(Maps.LinkCountry(l)), PortalLinks.CountryLinks(Maps.LinkCountry(l))), T.Label("partner", l.PartnerKind), T.Fy(l.FiscalYear),
                Cell.Of(l.ActivityJa, cites: l.Citations, lang: T.JaOnly));
        }

        Indicators = new DataTable("indicators", T["region.indicators.table"], T["indicators.title"], T["indicators.period"], T["common.value"],
            T["indicators.published"], T["common.sector"], T["common.note"]) { Json = region.Indicators };
        foreach (var o in region.Indicators)
        {
            Indicators.Add(Cell.Of(T.Name(o.IndicatorNameJa, o.IndicatorNameEn), PortalLinks.Indicator(o.Indicator)),
                T.Term(o.FiscalYearFrom, o.FiscalYearTo), Cell.Num((T.Number(o.Value) + (o.Value is null ? "" : " " + T.Unit(o.Unit))).TrimEnd(), Raw(o.Value)),
                Cell.Of(o.PublishedText, cites: o.Citations, lang: T.JaOnly), T.Label("sector", o.Sector), Cell.Of(o.Note, lang: "en"));
        }
        Chart = IndicatorCharts.Series(region.Indicators, T).FirstOrDefault();

        Aliases = new DataTable("aliases", T["region.aliases.table"], T["common.name"], T["common.basis"], T["common.note"]) { Json = region.Aliases };
        foreach (var a in region.Aliases)
        {
            Aliases.Add(Cell.Of(a.Name, cites: a.Citations, lang: T.JaOnly), T.Label("basis", a.Basis), Cell.Of(a.Note, lang: "en"));
        }
        return PageOrData(Participations, Roles, Organisations, Links, Indicators, Aliases);
    }

    private static string? Raw(decimal? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
