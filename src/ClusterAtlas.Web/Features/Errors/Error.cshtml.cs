using ClusterAtlas.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace ClusterAtlas.Web.Features.Errors;

/// <summary>The HTML error page for the portal (404, 500 …); the API keeps its ProblemDetails.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PortalPageModel
{
    public int Code { get; private set; }

    public string Key => Code is 404 or 400 or 500 ? Code.ToString(System.Globalization.CultureInfo.InvariantCulture) : "other";

    public IActionResult OnGet(int code) => Show(code);

    public IActionResult OnPost(int code) => Show(code);

    private IActionResult Show(int code)
    {
        Code = code is >= 400 and < 600 ? code : 404;
        Format = null;
        return PageWithStatus(Code);
    }
}
