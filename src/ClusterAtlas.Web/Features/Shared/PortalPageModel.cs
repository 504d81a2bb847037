using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClusterAtlas.Web.Features.Shared;

/// <summary>
/// Base of the portal's pages: the UI text of the request's language, and the rule that every table on a page can be
/// downloaded under the same query with ?format=csv|json&amp;table=&lt;id&gt;.
/// </summary>
public abstract class PortalPageModel : PageModel
{
    private UiText? text;

    protected UiText T => text ??= HttpContext.RequestServices.GetRequiredService<UiText>();

    [BindProperty(SupportsGet = true, Name = "format")]
    public string? Format { get; set; }

    [BindProperty(SupportsGet = true, Name = "table")]
    public string? TableId { get; set; }

    /// <summary>The page, or one of its tables as CSV/JSON when the query asks for it.</summary>
    protected IActionResult PageOrData(params DataTable[] tables)
    {
        if (string.IsNullOrEmpty(Format))
        {
            return Page();
        }
        var table = string.IsNullOrEmpty(TableId) ? tables.FirstOrDefault() : tables.FirstOrDefault(t => t.Id == TableId);
        if (table is null)
        {
            return NotFound();
        }
        return Format switch
        {
            "csv" => Downloads.Csv(table),
            "json" => Downloads.JsonOf(table),
            "xlsx" => Downloads.Xlsx(table),
            _ => BadRequest(),
        };
    }

    /// <summary>An HTML page with an error status (the message is on the page itself).</summary>
    protected IActionResult PageWithStatus(int status)
    {
        Response.StatusCode = status;
        return Page();
    }
}
