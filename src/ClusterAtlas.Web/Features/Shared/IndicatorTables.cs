using System.Globalization;
using ClusterAtlas.Indicators;

namespace ClusterAtlas.Web.Features.Shared;

/// <summary>The table of indicator values used on the programme, region and indicator pages.</summary>
internal static class IndicatorTables
{
    public static DataTable Build(string id, string caption, IReadOnlyList<ObservationDto> values, UiText t, Func<string, string> programmeName)
    {
        var table = new DataTable(id, caption, t["indicators.title"], t["indicators.scope"], t["common.sector"], t["indicators.period"],
            t["common.value"], t["indicators.published"], t["common.note"]) { Json = values };
        foreach (var o in values)
        {
            var scope = new List<CellPart>();
            if (o.Programme is not null)
            {
                scope.Add(new CellPart(programmeName(o.Programme), PortalLinks.Programme(o.Programme)));
            }
            if (o.Region is not null)
            {
                scope.Add(new CellPart(o.Region, PortalLinks.Region(o.Region)));
            }
            var flags = new[] { o.Cumulative ? t["common.cumulative"] : null, o.Approximate ? t["common.approx"] : null,
                o.Target is { } target ? t["common.target"] + " " + t.Number(target) : null }.Where(f => f is not null);
            var value = o.Value is null ? t.Label("status", o.Status) : $"{t.Number(o.Value)} {t.Unit(o.Unit)}".TrimEnd();
            table.AddRow("obs-" + o.Id.ToString(CultureInfo.InvariantCulture), o.Value is null ? "status-no-data" : null,
                Cell.Of(t.Name(o.IndicatorNameJa, o.IndicatorNameEn), PortalLinks.Indicator(o.Indicator)),
                Cell.List(scope), t.Label("sector", o.Sector), t.Term(o.FiscalYearFrom, o.FiscalYearTo),
                Cell.Num(string.Join(" ", new[] { value }.Concat(flags)), o.Value?.ToString(CultureInfo.InvariantCulture) ?? ""),
                Cell.Of(o.PublishedText, cites: o.Citations, lang: t.JaOnly), Cell.Of(o.Note, lang: "en"));
        }
        return table;
    }
}
