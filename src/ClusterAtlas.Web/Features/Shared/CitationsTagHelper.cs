using System.Globalization;
using ClusterAtlas.Sources;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ClusterAtlas.Web.Features.Shared;

/// <summary>
/// &lt;cites items="@x.Citations" /&gt;: small links after a fact, each opening the cited source line, with the quoted text
/// as tooltip (title) and the document and line as link text.
/// </summary>
[HtmlTargetElement("cites", TagStructure = TagStructure.WithoutEndTag)]
public sealed class CitationsTagHelper(UiText text) : TagHelper
{
    public IReadOnlyList<CitationDto>? Items { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var items = (Items ?? []).DistinctBy(c => (c.Document, c.Line, c.Url, c.Quote)).ToList();
        if (items.Count == 0)
        {
            output.SuppressOutput();
            return;
        }
        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "cites");
        foreach (var c in items)
        {
            var label = c.Document is null ? "web"
                : PortalLinks.ShortSource(c.Document) + ":" + (c.Line?.ToString(CultureInfo.InvariantCulture) ?? "");
            var where = c.Document is null ? c.Url ?? "" : text.Format("common.cite.line", c.Document, c.Line);
            output.Content.AppendHtml("<a class=\"cite\" href=\"");
            output.Content.Append(PortalLinks.Citation(c) ?? "");
            output.Content.AppendHtml("\" title=\"");
            output.Content.Append($"「{c.Quote}」 — {where}");
            output.Content.AppendHtml("\"><span class=\"visually-hidden\">");
            output.Content.Append(text["common.cite"] + " ");
            output.Content.AppendHtml("</span>[");
            output.Content.Append(label);
            output.Content.AppendHtml("]</a>");
        }
    }
}
