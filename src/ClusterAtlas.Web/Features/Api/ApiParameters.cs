using System.Globalization;
using ClusterAtlas.Japanese;
using ClusterAtlas.Paging;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ClusterAtlas.Web.Features.Api;

/// <summary>
/// Query-string parsing shared by the list endpoints. Parameters arrive as text so that a bad value gets a
/// ProblemDetails naming the parameter and why, rather than a bare 400 from model binding.
/// </summary>
internal sealed class ApiParameters
{
    public Dictionary<string, string[]> Errors { get; } = [];

    public PageRequest Page(string? limit, string? offset, string? cursor)
    {
        var l = Int("limit", limit);
        var o = Int("offset", offset);
        var (page, errors) = PageRequest.Parse(l, o, cursor);
        foreach (var (key, value) in errors)
        {
            Errors[key] = value;
        }
        return page ?? new PageRequest(PageRequest.DefaultLimit, 0, null);
    }

    /// <summary>A <c>limit</c> that is not a page size (how much one answer holds): 1 to <paramref name="max"/>, default when absent.</summary>
    public int Limit(string? text, int fallback, int max)
    {
        var limit = Int("limit", text) ?? fallback;
        if (limit is < 1 || limit > max)
        {
            Errors["limit"] = [$"limit must be between 1 and {max}."];
        }
        return limit;
    }

    /// <summary>Accepts 2007, FY2007, 平成19年度, H19, Ｈ１９ …: the Gregorian start year of the fiscal year.</summary>
    public int? FiscalYear(string name, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var parsed = FiscalYearParser.Parse(text);
        if (!parsed.Success)
        {
            Errors[name] = [$"{parsed.Error} Use e.g. 2007, FY2007, 平成19年度 or H19."];
        }
        return parsed.StartYear;
    }

    public DateOnly? Date(string name, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return d;
        }
        Errors[name] = [$"'{text}' is not a date; use yyyy-MM-dd."];
        return null;
    }

    public string? OneOf(string name, string? text, IReadOnlySet<string> allowed)
    {
        if (string.IsNullOrWhiteSpace(text) || allowed.Contains(text))
        {
            return text;
        }
        Errors[name] = [$"'{text}' is not one of: {string.Join(", ", allowed.Order(StringComparer.Ordinal))}."];
        return null;
    }

    private int? Int(string name, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }
        Errors[name] = [$"'{text}' is not a whole number."];
        return null;
    }

    public bool IsValid => Errors.Count == 0;

    public ValidationProblem Problem() => TypedResults.ValidationProblem(Errors, title: "Invalid query parameters");
}
