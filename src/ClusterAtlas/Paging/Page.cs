using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Paging;

/// <summary>An entity with an integer key, so lists can be walked by keyset (cursor) as well as by offset.</summary>
public interface IHasId
{
    int Id { get; }
}

/// <summary>limit/offset paging, or a cursor that walks a whole result set with no depth cap.</summary>
public sealed record PageRequest(int Limit, int Offset, int? AfterId)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    /// <summary>Validates the raw query values; returns the problems (parameter → message) when invalid.</summary>
    public static (PageRequest? Request, Dictionary<string, string[]> Errors) Parse(int? limit, int? offset, string? cursor)
    {
        var errors = new Dictionary<string, string[]>();
        var l = limit ?? DefaultLimit;
        if (l is < 1 or > MaxLimit)
        {
            errors["limit"] = [$"limit must be between 1 and {MaxLimit}."];
        }
        if (offset is < 0)
        {
            errors["offset"] = ["offset must be 0 or more."];
        }
        int? after = null;
        if (!string.IsNullOrEmpty(cursor))
        {
            after = DecodeCursor(cursor);
            if (after is null)
            {
                errors["cursor"] = ["cursor is not one this API issued; start again without it."];
            }
            if (offset is > 0)
            {
                errors["offset"] = ["Use either offset or cursor, not both."];
            }
        }
        return errors.Count > 0 ? (null, errors) : (new PageRequest(l, offset ?? 0, after), errors);
    }

    public static string EncodeCursor(int lastId) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes("after:" + lastId.ToString(CultureInfo.InvariantCulture)))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static int? DecodeCursor(string cursor)
    {
        try
        {
            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(base64));
            return text.StartsWith("after:", StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(6), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

/// <summary>A page of results with the total count of the whole (filtered) set.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int Limit, int Offset, string? NextCursor);

public static class Paging
{
    /// <summary>Orders by id, applies offset or cursor, and maps the entities of the page (in one batch).</summary>
    public static async Task<Page<TOut>> ToPageAsync<TEntity, TOut>(
        this IQueryable<TEntity> query, PageRequest page, Func<List<TEntity>, Task<List<TOut>>> map, CancellationToken ct)
        where TEntity : class, IHasId
    {
        var total = await query.CountAsync(ct);
        var ordered = query.OrderBy(x => x.Id).AsQueryable();
        if (page.AfterId is { } after)
        {
            ordered = ordered.Where(x => x.Id > after);
        }
        else if (page.Offset > 0)
        {
            ordered = ordered.Skip(page.Offset);
        }
        var rows = await ordered.Take(page.Limit + 1).ToListAsync(ct);
        var more = rows.Count > page.Limit;
        if (more)
        {
            rows.RemoveAt(rows.Count - 1);
        }
        var items = await map(rows);
        var next = more && rows.Count > 0 ? PageRequest.EncodeCursor(rows[^1].Id) : null;
        return new Page<TOut>(items, total, page.Limit, page.AfterId is null ? page.Offset : 0, next);
    }
}
