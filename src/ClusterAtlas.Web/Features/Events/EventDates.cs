using ClusterAtlas.Events;

namespace ClusterAtlas.Web.Features.Events;

/// <summary>
/// The days an event occupies on a calendar. Only events dated to the day or month are calendar entries: a month-only
/// date spans that month (the description says so); a year-only or missing date is not placed at all.
/// </summary>
internal static class EventDates
{
    public static bool OnCalendar(EventDto e) => e.StartDate is not null && e.DatePrecision is "day" or "month";

    /// <summary>First day and the day after the last (exclusive end, as iCalendar wants).</summary>
    public static (DateOnly Start, DateOnly EndExclusive) Span(EventDto e)
    {
        var start = e.StartDate!.Value;
        if (e.DatePrecision == "month")
        {
            start = new DateOnly(start.Year, start.Month, 1);
            var last = e.EndDate ?? start;
            return (start, new DateOnly(last.Year, last.Month, 1).AddMonths(1));
        }
        return (start, (e.EndDate ?? start).AddDays(1));
    }
}
