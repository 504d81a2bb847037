using System.Globalization;
using ClusterAtlas.Paging;

namespace ClusterAtlas.Web.Features.Shared;

/// <summary>
/// Pages of a long portal list (?page=N, 200 rows each): a national registry has hundreds of thousands of people and
/// organisations, which no page can show at once. The whole list is in the API (cursor paging) and the /data dump.
/// </summary>
public sealed record ListPaging(int PageNumber, int PageSize, int Total, int Shown)
{
    public const int DefaultPageSize = 200;

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public int First => Total == 0 ? 0 : ((PageNumber - 1) * PageSize) + 1;
    public int Last => First == 0 ? 0 : First + Shown - 1;

    /// <summary>
    /// The page number asked for (?page=N; 1 when absent or not a positive number). Read from the query itself: model
    /// binding of a property named "page" takes Razor Pages' own "page" route value (the page's path) instead.
    /// </summary>
    public static int PageOf(HttpRequest request) =>
        int.TryParse(request.Query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 ? n : 1;

    /// <summary>The request for page <paramref name="pageNumber"/> (1 when below 1).</summary>
    public static PageRequest Request(int pageNumber, int pageSize = DefaultPageSize) =>
        new(pageSize, (Math.Max(1, pageNumber) - 1) * pageSize, null);

    public static ListPaging Of<T>(int pageNumber, Page<T> page) => new(Math.Max(1, pageNumber), page.Limit, page.Total, page.Items.Count);

    public static string Link(HttpRequest request, int page) =>
        PortalLinks.With(request, ("page", page == 1 ? null : page.ToString(CultureInfo.InvariantCulture)));
}
