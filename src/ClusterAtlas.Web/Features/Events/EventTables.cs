using ClusterAtlas.Events;
using ClusterAtlas.Web.Features.Shared;

namespace ClusterAtlas.Web.Features.Events;

/// <summary>The table of events used on the events, programme and ministry pages.</summary>
internal static class EventTables
{
    public static DataTable Build(IReadOnlyList<EventDto> events, UiText t, string id = "events")
    {
        var table = new DataTable(id, t["events.table"], t["common.name"], t["common.kind"], t["common.date"], t["common.fiscalYear"],
            t["common.venue"], t["common.organisers"]) { Json = events };
        foreach (var e in events)
        {
            table.AddRow("ev-" + e.Code, null, Cell.Of(t.Name(e.NameJa, e.NameEn), PortalLinks.Event(e.Code), e.Citations.For("", "nameJa")),
                t.Label("event", e.Kind), Date(e, t), t.Fy(e.FiscalYear), Cell.Of(e.Venue, lang: t.JaOnly),
                Cell.List(e.Organisers.Select(o => Organiser(o, t))));
        }
        return table;
    }

    public static Cell Date(EventDto e, UiText t)
    {
        if (e.StartDate is null)
        {
            return Cell.Of(e.DateText ?? t["events.undated"], lang: e.DateText is null ? null : t.JaOnly);
        }
        var text = t.Date(e.StartDate, e.DatePrecision);
        if (e.EndDate is { } end && end != e.StartDate)
        {
            text += " – " + t.Date(end, e.DatePrecision);
        }
        return Cell.Of(text, cites: e.Citations.For("startDate", "endDate", "dateText"));
    }

    /// <summary>A ministry code links to the ministry; other organisers are shown as published.</summary>
    public static CellPart Organiser(string organiser, UiText t) =>
        organiser.All(c => char.IsAsciiLetterLower(c) || c == '-')
            ? new CellPart(t.Label("ministry", organiser), PortalLinks.Ministry(organiser))
            : new CellPart(organiser, null, t.JaOnly);
}
