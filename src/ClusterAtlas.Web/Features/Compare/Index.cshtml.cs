using ClusterAtlas.Regions;
using ClusterAtlas.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace ClusterAtlas.Web.Features.Compare;

/// <summary>/compare?r=kansai&amp;r=sendai: up to 10 regions side by side (terms, fields, indicators, links); the URL is the comparison.</summary>
public sealed class IndexModel(RegionComparison comparison, RegionQueries regions) : PortalPageModel
{
    [BindProperty(SupportsGet = true, Name = "r")] public List<string> Codes { get; set; } = [];

    public string? Error { get; private set; }
    public RegionComparisonDto? Result { get; private set; }
    public List<RegionNameDto> AllRegions { get; private set; } = [];
    public TimelineData Timeline { get; private set; } = new([], 2001, 2013);
    public DataTable Table { get; private set; } = new("comparison", "");

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        AllRegions = await regions.NamesAsync(ct);
        var codes = Codes.Where(c => !string.IsNullOrWhiteSpace(c)).Distinct(StringComparer.Ordinal).ToList();
        if (codes.Count > RegionComparison.MaxRegions)
        {
            Error = T.Format("compare.error.tooMany", RegionComparison.MaxRegions, codes.Count);
            return PageWithStatus(400);
        }
        if (codes.Count == 0)
        {
            return Page();
        }
        Result = await comparison.CompareAsync(codes, ct);
        var compared = Result.Regions;
        Timeline = Maps.Participations(compared.Select(c => (T.Name(c.Region.NameJa, c.Region.NameEn), (string?)PortalLinks.Region(c.Region.Code),
            c.Region.Participations)), T);
        var separator = T.En ? ", " : "、";
        Table = new DataTable("comparison", T["compare.table"], [T["compare.aspect"], .. compared.Select(c => T.Name(c.Region.NameJa, c.Region.NameEn))])
            { Json = Result };
        Table.Add([Cell.Of(T["common.region"]), .. compared.Select(c => Cell.Of(T.Name(c.Region.NameJa, c.Region.NameEn), PortalLinks.Region(c.Region.Code), c.Region.Citations.For("")))]);
        Table.Add([Cell.Of(T["common.prefectures"]), .. compared.Select(c => Cell.Of(string.Join(separator, c.Region.Prefectures), cites: c.Region.Citations.For("prefectures"), lang: T.JaOnly))]);
        Table.Add([Cell.Of(T["common.fields"]), .. compared.Select(c => Cell.Of(string.Join(separator, c.Region.Fields), cites: c.Region.Citations.For("fields"), lang: T.JaOnly))]);
        Table.Add([Cell.Of(T["compare.participations"]), .. compared.Select(c => Cell.List(c.Region.Participations.Select(p =>
            new CellPart($"{T.Name(p.ProgrammeNameJa, p.ProgrammeNameEn)} ({T.Term(p.Start, p.End)})", PortalLinks.Programme(p.Programme))),
            [.. c.Region.Participations.SelectMany(p => p.Citations.For("termText", "startFy", "endFy"))]))]);
        Table.Add([Cell.Of(T["region.cluster"]), .. compared.Select(c => Cell.List(c.Region.Participations.Where(p => p.ClusterName is not null)
            .Select(p => p.ClusterName!).Distinct(StringComparer.Ordinal).Select(n => new CellPart(n, null, T.JaOnly)),
            [.. c.Region.Participations.SelectMany(p => p.Citations.For("clusterName"))]))]);
        Table.Add([Cell.Of(T["compare.indicators"]), .. compared.Select(c => Cell.List(c.Indicators.Select(o =>
            new CellPart($"{T.Name(o.IndicatorNameJa, o.IndicatorNameEn)}: {o.PublishedText}", PortalLinks.Indicator(o.Indicator))),
            [.. c.Indicators.SelectMany(o => o.Citations)]))]);
        Table.Add([Cell.Of(T["compare.links"]), .. compared.Select(c => Cell.List(c.Links.Select(l =>
            new CellPart(l.PartnerName is null && l.PartnerOrganisation is null ? T.Country(Maps.LinkCountry(l))
                : (l.PartnerOrganisation is { } o ? T.Name(o.NameJa, o.NameEn) : l.PartnerName!) + (Maps.LinkCountry(l) is { } country ? $" ({T.Country(country)})" : ""),
                PortalLinks.Region(c.Region.Code) + "#link-" + l.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            [.. c.Links.SelectMany(l => l.Citations)]))]);
        if (Result.Unknown.Count > 0)
        {
            Error = T.Format("compare.error.unknown", string.Join(", ", Result.Unknown));
        }
        return PageOrData(Table);
    }

    public string Without(string code) => "/compare" + PortalLinks.Query(Codes.Where(c => c != code).Select(c => ("r", (string?)c)));
}
