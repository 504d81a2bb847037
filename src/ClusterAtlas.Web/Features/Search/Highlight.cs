using ClusterAtlas.Search;
using Microsoft.AspNetCore.Html;

namespace ClusterAtlas.Web.Features.Search;

internal static class Highlight
{
    /// <summary>The segments as HTML: matches in &lt;mark&gt;, every piece of text HTML-encoded.</summary>
    public static IHtmlContent Html(IReadOnlyList<TextSegment> segments)
    {
        var html = new HtmlContentBuilder();
        foreach (var s in segments)
        {
            if (s.Match)
            {
                html.AppendHtml("<mark>").Append(s.Text).AppendHtml("</mark>");
            }
            else
            {
                html.Append(s.Text);
            }
        }
        return html;
    }
}
