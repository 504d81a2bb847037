using System.Globalization;
using System.Text;
using System.Xml;
using ClusterAtlas.Events;
using ClusterAtlas.Web.Features.Shared;

namespace ClusterAtlas.Web.Features.Events;

/// <summary>/events.ics, /events/{code}.ics (RFC 5545) and /feed.atom (RFC 4287).</summary>
internal static class CalendarFeeds
{
    public static void MapCalendarFeeds(this IEndpointRouteBuilder app)
    {
        app.MapGet("/events.ics", async (EventQueries events, UpdateFeed feed, UiText text, HttpContext http, CancellationToken ct) =>
        {
            var all = await AllPages.ReadAsync(p => events.ListAsync(new EventFilter(null, null, null, null, null, null), p, ct));
            return Calendar(all.Where(EventDates.OnCalendar), await StampAsync(feed, ct), text, http, "events.ics");
        }).ExcludeFromDescription();
        app.MapGet("/events/{code}.ics", async (string code, EventQueries events, UpdateFeed feed, UiText text, HttpContext http, CancellationToken ct) =>
        {
            var e = await events.GetAsync(code, ct);
            return e is null || !EventDates.OnCalendar(e)
                ? Results.NotFound()
                : Calendar([e], await StampAsync(feed, ct), text, http, e.Code + ".ics");
        }).ExcludeFromDescription();
        app.MapGet("/feed.atom", async (UpdateFeed feed, UiText text, HttpContext http, CancellationToken ct) =>
            Results.Bytes(Atom(await feed.ListAsync(ct), text, http), "application/atom+xml; charset=utf-8")).ExcludeFromDescription();
    }

    private static async Task<DateTimeOffset> StampAsync(UpdateFeed feed, CancellationToken ct) =>
        (await feed.ListAsync(ct)).Select(e => e.Updated).DefaultIfEmpty(DateTimeOffset.UnixEpoch).Max();

    private static string Base(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}";

    private static IResult Calendar(IEnumerable<EventDto> events, DateTimeOffset stamp, UiText text, HttpContext http, string fileName)
    {
        var ics = new StringBuilder();
        void Line(string line)
        {
            // Fold at 75 octets (RFC 5545 §3.1) without splitting a UTF-8 character.
            var bytes = 0;
            var folded = new StringBuilder();
            foreach (var rune in line.EnumerateRunes())
            {
                var size = rune.Utf8SequenceLength;
                if (bytes + size > 75)
                {
                    folded.Append("\r\n ");
                    bytes = 1;
                }
                folded.Append(rune.ToString());
                bytes += size;
            }
            ics.Append(folded).Append("\r\n");
        }
        Line("BEGIN:VCALENDAR");
        Line("VERSION:2.0");
        Line("PRODID:-//ClusterAtlas//Portal//" + text.Lang.ToUpperInvariant());
        Line("CALSCALE:GREGORIAN");
        Line("METHOD:PUBLISH");
        Line("X-WR-CALNAME:" + Escape(text["site.short"] + " " + text["events.title"]));
        foreach (var e in events)
        {
            var (start, end) = EventDates.Span(e);
            Line("BEGIN:VEVENT");
            Line($"UID:{e.Code}@clusteratlas");
            Line("DTSTAMP:" + stamp.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture));
            Line("DTSTART;VALUE=DATE:" + start.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
            Line("DTEND;VALUE=DATE:" + end.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
            Line("SUMMARY:" + Escape(text.Name(e.NameJa, e.NameEn)));
            var description = new List<string?> { e.DateText is null ? null : text["events.dateText"] + ": " + e.DateText, e.Note };
            if (e.DatePrecision == "month")
            {
                description.Insert(0, text["events.calendar.monthOnly"]);
            }
            description.AddRange(e.Citations.Select(c => $"{text["common.source"]}: {Base(http)}{PortalLinks.Citation(c)}"));
            Line("DESCRIPTION:" + Escape(string.Join("\n", description.Where(d => !string.IsNullOrWhiteSpace(d)))));
            if (!string.IsNullOrWhiteSpace(e.Venue))
            {
                Line("LOCATION:" + Escape(e.Venue));
            }
            Line("CATEGORIES:" + Escape(e.Kind));
            Line("URL:" + Base(http) + PortalLinks.Event(e.Code));
            Line("END:VEVENT");
        }
        Line("END:VCALENDAR");
        http.Response.Headers.ContentDisposition = $"inline; filename=\"{fileName}\"";
        return Results.Text(ics.ToString(), "text/calendar; charset=utf-8", Encoding.UTF8);
    }

    private static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal).Replace("\r\n", "\\n", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static byte[] Atom(List<UpdateEntryDto> entries, UiText text, HttpContext http)
    {
        var root = Base(http);
        var updated = entries.Select(e => e.Updated).DefaultIfEmpty(DateTimeOffset.UnixEpoch).Max();
        using var output = new MemoryStream();
        using (var xml = XmlWriter.Create(output, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) }))
        {
            const string ns = "http://www.w3.org/2005/Atom";
            xml.WriteStartElement("feed", ns);
            xml.WriteAttributeString("xml", "lang", null, text.Lang);
            xml.WriteElementString("id", ns, root + "/feed.atom");
            xml.WriteElementString("title", ns, text["site.short"] + ": " + text["footer.feed"]);
            xml.WriteElementString("subtitle", ns, text["site.tagline"]);
            xml.WriteElementString("updated", ns, Timestamp(updated));
            Link(xml, ns, "self", root + "/feed.atom", "application/atom+xml");
            Link(xml, ns, "alternate", root + "/", "text/html");
            xml.WriteStartElement("author", ns);
            xml.WriteElementString("name", ns, "ClusterAtlas");
            xml.WriteEndElement();
            foreach (var e in entries)
            {
                var href = e.Kind == "event" ? root + PortalLinks.Event(e.Code) : root + "/sources";
                xml.WriteStartElement("entry", ns);
                xml.WriteElementString("id", ns, e.Kind == "event" ? href : $"urn:clusteratlas:dataset:{e.Code}");
                xml.WriteElementString("title", ns, text.Name(e.TitleJa, e.TitleEn));
                xml.WriteElementString("updated", ns, Timestamp(e.Updated));
                if (e.Published is { } published)
                {
                    xml.WriteElementString("published", ns, Timestamp(new DateTimeOffset(published.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(9))));
                }
                Link(xml, ns, "alternate", href, "text/html");
                xml.WriteStartElement("category", ns);
                xml.WriteAttributeString("term", e.Kind);
                xml.WriteEndElement();
                if (!string.IsNullOrWhiteSpace(e.SummaryJa))
                {
                    xml.WriteStartElement("summary", ns);
                    xml.WriteAttributeString("xml", "lang", null, "ja");
                    xml.WriteString(e.SummaryJa);
                    xml.WriteEndElement();
                }
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        return output.ToArray();
    }

    private static void Link(XmlWriter xml, string ns, string rel, string href, string type)
    {
        xml.WriteStartElement("link", ns);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("href", href);
        xml.WriteAttributeString("type", type);
        xml.WriteEndElement();
    }

    private static string Timestamp(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);
}
