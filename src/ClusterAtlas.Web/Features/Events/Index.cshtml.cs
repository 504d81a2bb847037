using System.Globalization;
using ClusterAtlas.Events;
using ClusterAtlas.Japanese;
using ClusterAtlas.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace ClusterAtlas.Web.Features.Events;

/// <summary>A day of the month grid, with the events dated to it (null for the padding days of other months).</summary>
public sealed record CalendarDay(DateOnly? Date, IReadOnlyList<EventDto> Events);

/// <summary>/events: the list (filter by kind and fiscal year) or, with ?view=calendar&amp;month=yyyy-MM, a month calendar.</summary>
public sealed class IndexModel(EventQueries events) : PortalPageModel
{
    [BindProperty(SupportsGet = true)] public string? View { get; set; }
    [BindProperty(SupportsGet = true)] public string? Month { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? FiscalYear { get; set; }

    public bool Calendar => View == "calendar";
    public string? Error { get; private set; }
    public DataTable Table { get; private set; } = new("events", "");
    public List<string> Kinds { get; private set; } = [];
    public List<int> FiscalYears { get; private set; } = [];
    public DateOnly? Shown { get; private set; }
    public string? Previous { get; private set; }
    public string? Next { get; private set; }
    public List<CalendarDay> Days { get; private set; } = [];
    public List<EventDto> MonthOnly { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var all = await AllPages.ReadAsync(page => events.ListAsync(new EventFilter(null, null, null, null, null, null), page, ct));
        Kinds = [.. all.Select(e => e.Kind).Distinct().Order(StringComparer.Ordinal)];
        FiscalYears = [.. all.Select(e => e.FiscalYear?.Year ?? (e.StartDate is { } d ? Japanese.FiscalYear.Of(d).StartYear : null)).OfType<int>().Distinct().Order()];
        int? fy = null;
        if (!string.IsNullOrWhiteSpace(FiscalYear))
        {
            var parsed = FiscalYearParser.Parse(FiscalYear);
            fy = parsed.StartYear;
            if (!parsed.Success)
            {
                Error = T.Format("search.error.year", FiscalYear);
            }
        }
        var rows = string.IsNullOrWhiteSpace(Kind) && fy is null ? all
            : await AllPages.ReadAsync(page => events.ListAsync(new EventFilter(null, Kind, fy, null, null, null), page, ct));
        rows = [.. rows.OrderBy(e => e.StartDate ?? DateOnly.MaxValue).ThenBy(e => e.FiscalYear?.Year ?? int.MaxValue).ThenBy(e => e.Id)];
        Table = EventTables.Build(rows, T);
        if (Error is not null)
        {
            return PageWithStatus(400);
        }
        if (Calendar)
        {
            BuildCalendar(rows.Where(EventDates.OnCalendar).ToList());
        }
        return PageOrData(Table);
    }

    private void BuildCalendar(List<EventDto> dated)
    {
        var months = dated.SelectMany(e =>
        {
            var (start, end) = EventDates.Span(e);
            var list = new List<DateOnly>();
            for (var m = new DateOnly(start.Year, start.Month, 1); m < end; m = m.AddMonths(1))
            {
                list.Add(m);
            }
            return list;
        }).Distinct().Order().ToList();
        if (months.Count == 0)
        {
            return;
        }
        var shown = DateOnly.TryParseExact(Month ?? "", "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asked) ? asked : months[0];
        Shown = shown;
        var previous = months.LastOrDefault(m => m < shown);
        var next = months.FirstOrDefault(m => m > shown);
        Previous = previous == default ? null : MonthLink(previous);
        Next = next == default ? null : MonthLink(next);
        var monthEnd = shown.AddMonths(1);
        MonthOnly = [.. dated.Where(e => e.DatePrecision == "month" && Overlaps(e, shown, monthEnd))];
        var days = dated.Where(e => e.DatePrecision == "day").ToList();
        var padding = ((int)shown.DayOfWeek + 6) % 7;
        Days = [.. Enumerable.Repeat(new CalendarDay(null, []), padding)];
        for (var d = shown; d < monthEnd; d = d.AddDays(1))
        {
            var day = d;
            Days.Add(new CalendarDay(day, [.. days.Where(e => Overlaps(e, day, day.AddDays(1)))]));
        }
        while (Days.Count % 7 != 0)
        {
            Days.Add(new CalendarDay(null, []));
        }
    }

    private static bool Overlaps(EventDto e, DateOnly from, DateOnly toExclusive)
    {
        var (start, end) = EventDates.Span(e);
        return start < toExclusive && end > from;
    }

    private string MonthLink(DateOnly month) => PortalLinks.With(Request, ("view", "calendar"), ("month", month.ToString("yyyy-MM", CultureInfo.InvariantCulture)));

    public string ListLink => PortalLinks.With(Request, ("view", null), ("month", null));

    public string CalendarLink => PortalLinks.With(Request, ("view", "calendar"));

    public string MonthTitle(DateOnly month) => T.Date(month, "month");
}
