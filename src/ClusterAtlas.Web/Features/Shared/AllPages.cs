using ClusterAtlas.Paging;

namespace ClusterAtlas.Web.Features.Shared;

/// <summary>Reads a whole list from a paged query by walking its cursor (pages of 500), for pages that show everything.</summary>
internal static class AllPages
{
    public static async Task<List<T>> ReadAsync<T>(Func<PageRequest, Task<Page<T>>> query)
    {
        var items = new List<T>();
        var request = new PageRequest(PageRequest.MaxLimit, 0, null);
        while (true)
        {
            var page = await query(request);
            items.AddRange(page.Items);
            if (page.NextCursor is null)
            {
                return items;
            }
            request = new PageRequest(PageRequest.MaxLimit, 0, PageRequest.DecodeCursor(page.NextCursor));
        }
    }
}
