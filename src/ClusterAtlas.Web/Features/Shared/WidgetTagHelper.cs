using System.Text.Json;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ClusterAtlas.Web.Features.Shared;

/// <summary>
/// &lt;widget kind="chart" id="budget" data="@model" label="…" /&gt;: the JSON data island and the container that
/// /js/atlas.js enhances (see wwwroot/js/WIDGETS.md). The page shows the same data as a table next to it.
/// </summary>
[HtmlTargetElement("widget", TagStructure = TagStructure.WithoutEndTag)]
public sealed class WidgetTagHelper : TagHelper
{
    public string Kind { get; set; } = "";
    public string Id { get; set; } = "";
    public object? Data { get; set; }
    public string Label { get; set; } = "";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var island = Id + "-data";
        // The serializer escapes < > & inside strings, so the island cannot close its script element early.
        output.PreElement.AppendHtml($"<script type=\"application/json\" id=\"{island}\">");
        output.PreElement.AppendHtml(JsonSerializer.Serialize(Data, Downloads.Json));
        output.PreElement.AppendHtml("</script>");
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("id", Id);
        output.Attributes.SetAttribute("class", "widget widget-" + Kind);
        output.Attributes.SetAttribute("data-widget", Kind);
        output.Attributes.SetAttribute("data-for", island);
        output.Attributes.SetAttribute("role", "img");
        output.Attributes.SetAttribute("aria-label", Label);
    }
}
