using ClusterAtlas.International;
using ClusterAtlas.Regions;

namespace ClusterAtlas.Web.Features.Shared;

/// <summary>Widget data built the same way on every page that shows regions, links or participations.</summary>
internal static class Maps
{
    /// <summary>
    /// Every located region, coloured by its group: the group label the continuing-region list prints for its latest
    /// programme track (source 002, e.g. 「グローバル型 (第Ⅰ期)」), or the track alone where no label is printed.
    /// </summary>
    public static JapanMapData Japan(IEnumerable<RegionMapPointDto> regions, UiText t)
    {
        var groups = new Dictionary<string, string>(StringComparer.Ordinal);
        var points = new List<MapPoint>();
        foreach (var r in regions)
        {
            string? group = null;
            if (r.Group is { } g)
            {
                var track = t.Name(g.ProgrammeNameJa, g.ProgrammeNameEn);
                group = g.GroupLabel is null ? g.Programme : g.Programme + "|" + g.GroupLabel;
                groups.TryAdd(group, g.GroupLabel is null ? t.Format("home.map.group.unlabelled", track) : t.Format("home.map.group.labelled", g.GroupLabel, track));
            }
            points.Add(new MapPoint(r.Code, t.Name(r.NameJa, r.NameEn), r.Latitude, r.Longitude, PortalLinks.Region(r.Code), group));
        }
        return new JapanMapData(points, groups.Count == 0 ? null : groups);
    }

    public static WorldMapData World(IEnumerable<LinkDto> links, UiText t, Func<LinkDto, string>? regionName = null) => new(
        [.. links.Select(l => new WorldLink(l.PartnerOrganisation?.Country is { } c && c != "JP" ? c : l.Country,
            t.Country(l.PartnerOrganisation?.Country is { } oc && oc != "JP" ? oc : l.Country), regionName?.Invoke(l) ?? l.RegionNameJa, PortalLinks.Region(l.Region),
            l.PartnerName ?? (l.PartnerOrganisation is null ? null : t.Name(l.PartnerOrganisation.NameJa, l.PartnerOrganisation.NameEn))))]);

    /// <summary>The map from per-(country, region) counts: one entry per pair carrying its number of links, so the map
    /// covers every link without reading them (partners are then named in the table, not the tooltip).</summary>
    public static WorldMapData World(IEnumerable<LinkCountDto> counts, UiText t, Func<LinkCountDto, string> regionName) => new(
        [.. counts.Select(c => new WorldLink(c.Country, t.Country(c.Country), regionName(c), PortalLinks.Region(c.Region), null, c.Links))]);

    /// <summary>One timeline row per region, a bar per participation (an open end is drawn as one year).</summary>
    public static TimelineData Participations(IEnumerable<(string Label, string? Href, IReadOnlyList<ParticipationDto> Items)> rows, UiText t)
    {
        var list = rows.Select(r => new TimelineRow(r.Label, r.Href, [.. r.Items.Select(p => new TimelineBar(
            p.Start.Year, (p.End ?? p.Start).Year, t.Name(p.ProgrammeNameJa, p.ProgrammeNameEn), p.Programme))])).ToList();
        var bars = list.SelectMany(r => r.Bars).ToList();
        return new TimelineData(list, bars.Count == 0 ? 2001 : bars.Min(b => b.From), bars.Count == 0 ? 2013 : bars.Max(b => b.To));
    }

    public static string? LinkCountry(LinkDto l) =>
        l.PartnerOrganisation?.Country is { } c && c != "JP" ? c : l.Country;
}
