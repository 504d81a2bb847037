using System.Xml.Linq;
using ClusterAtlas.Tests.Infrastructure;
using Xunit;

namespace ClusterAtlas.Tests.Pages;

/// <summary>The events as iCalendar (RFC 5545) and the updates as Atom (RFC 4287) parse and hold what the pages show.</summary>
[Collection(SeededApiFixture.Name)]
public sealed class FeedTests(AtlasFactory factory)
{
    private static readonly string[] RequiredProperties = ["UID", "DTSTAMP", "DTSTART;VALUE=DATE", "DTEND;VALUE=DATE", "SUMMARY"];

    private readonly HttpClient client = PortalClient.Create(factory);

    /// <summary>Unfolds the content lines and returns the components as lists of (name with parameters, value).</summary>
    private static List<List<(string Name, string Value)>> ParseCalendar(string text)
    {
        Assert.Contains("\r\n", text, StringComparison.Ordinal);
        var lines = text.Replace("\r\n ", "", StringComparison.Ordinal).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("BEGIN:VCALENDAR", lines[0]);
        Assert.Equal("END:VCALENDAR", lines[^1]);
        Assert.Contains("VERSION:2.0", lines);
        Assert.Contains(lines, l => l.StartsWith("PRODID:", StringComparison.Ordinal));
        var events = new List<List<(string, string)>>();
        List<(string, string)>? current = null;
        foreach (var line in lines)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            Assert.True(colon > 0, line);
            var (name, value) = (line[..colon], line[(colon + 1)..]);
            if (line == "BEGIN:VEVENT")
            {
                Assert.Null(current);
                current = [];
            }
            else if (line == "END:VEVENT")
            {
                events.Add(Assert.IsType<List<(string, string)>>(current));
                current = null;
            }
            else
            {
                current?.Add((name, value));
            }
        }
        Assert.Null(current);
        foreach (var line in text.Split("\r\n"))
        {
            Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75, $"line longer than 75 octets: {line}");
        }
        return events;
    }

    [Fact]
    public async Task EventsCalendar_ParsesAndHasEveryDatedEvent()
    {
        using var response = await client.GetAsync(new Uri("/events.ics", UriKind.Relative));
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var events = ParseCalendar(await response.Content.ReadAsStringAsync());
        var api = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/events?limit=500", UriKind.Relative)));
        var dated = api.RootElement.GetProperty("items").EnumerateArray()
            .Count(e => e.GetProperty("startDate").ValueKind != System.Text.Json.JsonValueKind.Null && e.GetProperty("datePrecision").GetString() is "day" or "month");
        Assert.Equal(dated, events.Count);
        Assert.All(events, e =>
        {
            foreach (var required in RequiredProperties)
            {
                Assert.Contains(e, p => p.Name == required);
            }
        });
        var fair = Assert.Single(events, e => e.Contains(("UID", "cluster-japan-2007-technofair@clusteratlas")));
        Assert.Contains(("DTSTART;VALUE=DATE", "20071128"), fair);
        Assert.Contains(("DTEND;VALUE=DATE", "20071201"), fair);
    }

    [Fact]
    public async Task SingleEventCalendar_ParsesAndUndatedEventHasNone()
    {
        var events = ParseCalendar(await client.GetStringAsync(new Uri("/events/cluster-japan-2007-technofair.ics?lang=en", UriKind.Relative)));
        var e = Assert.Single(events);
        Assert.Contains(e, p => p.Name == "SUMMARY" && p.Value.Contains("Cluster Japan", StringComparison.OrdinalIgnoreCase));
        using var undated = await client.GetAsync(new Uri("/events/regional-block-council.ics", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, undated.StatusCode);
    }

    [Fact]
    public async Task AtomFeed_ParsesWithEntriesForEventsAndDatasetLoads()
    {
        using var response = await client.GetAsync(new Uri("/feed.atom", UriKind.Relative));
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        var doc = XDocument.Parse(await response.Content.ReadAsStringAsync());
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var feed = doc.Root!;
        Assert.Equal(atom + "feed", feed.Name);
        Assert.NotNull(feed.Element(atom + "id"));
        Assert.NotNull(feed.Element(atom + "updated"));
        var entries = feed.Elements(atom + "entry").ToList();
        Assert.Contains(entries, e => e.Element(atom + "category")?.Attribute("term")?.Value == "dataset");
        var api = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/events?limit=1", UriKind.Relative)));
        Assert.Equal(api.RootElement.GetProperty("total").GetInt32(), entries.Count(e => e.Element(atom + "category")?.Attribute("term")?.Value == "event"));
        Assert.All(entries, e =>
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Element(atom + "id")?.Value));
            Assert.False(string.IsNullOrWhiteSpace(e.Element(atom + "title")?.Value));
            Assert.True(DateTimeOffset.TryParse(e.Element(atom + "updated")?.Value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _));
        });
    }
}
