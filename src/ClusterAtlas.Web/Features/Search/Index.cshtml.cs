using System.Globalization;
using ClusterAtlas.Japanese;
using ClusterAtlas.Search;
using ClusterAtlas.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace ClusterAtlas.Web.Features.Search;

/// <summary>A hit as shown: title runs to mark, the page it opens and what it is.</summary>
public sealed record SearchHitView(
    FacetedHitDto Hit, string Href, IReadOnlyList<TextSegment> Title, IReadOnlyList<TextSegment> TitleEn, IReadOnlyList<TextSegment> Excerpt);

/// <summary>
/// /search?q=…: one box across all kinds of record, facets as a GET form (shareable URLs), matches marked with &lt;mark&gt;
/// (the rest HTML-escaped by Razor), helpful empty and error states.
/// </summary>
public sealed class IndexModel(FacetedSearch search) : PortalPageModel
{
    public const int MaxQueryLength = 200;
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "type")] public List<string> Types { get; set; } = [];
    [BindProperty(SupportsGet = true, Name = "programme")] public List<string> Programmes { get; set; } = [];
    [BindProperty(SupportsGet = true, Name = "field")] public List<string> Fields { get; set; } = [];
    [BindProperty(SupportsGet = true, Name = "prefecture")] public List<string> Prefectures { get; set; } = [];
    [BindProperty(SupportsGet = true, Name = "ministry")] public List<string> Ministries { get; set; } = [];
    [BindProperty(SupportsGet = true)] public string? FyFrom { get; set; }
    [BindProperty(SupportsGet = true)] public string? FyTo { get; set; }
    public int PageNumber { get; private set; } = 1;

    public List<string> Errors { get; } = [];
    public string? Warning { get; private set; }
    public FacetedSearchResultDto? Result { get; private set; }
    public List<SearchHitView> Hits { get; private set; } = [];
    public DataTable Table { get; private set; } = new("results", "");
    public int? FromYear { get; private set; }
    public int? ToYear { get; private set; }
    public bool HasFilters => Types.Count + Programmes.Count + Fields.Count + Prefectures.Count + Ministries.Count > 0 || FromYear is not null || ToYear is not null;
    public static readonly string[] Examples = ["創薬", "仙台", "ナノ", "ＬＳＩ", "フィンランド", "クラスター"];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        PageNumber = ListPaging.PageOf(Request);
        if (string.IsNullOrWhiteSpace(Q))
        {
            return Page();
        }
        if (Q.Length > MaxQueryLength)
        {
            Errors.Add(T.Format("search.error.long", Q.Length, MaxQueryLength));
        }
        var terms = SearchHighlighter.Terms(Q);
        // Punctuation alone is not a word worth searching for (and would match only by accident).
        if (Errors.Count == 0 && !terms.Any(t => t.Any(char.IsLetterOrDigit)))
        {
            Errors.Add(T["search.error.noterms"]);
        }
        if (JapaneseText.Normalize(Q).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).Count() > SearchHighlighter.MaxTerms)
        {
            Warning = T.Format("search.error.manyterms", SearchHighlighter.MaxTerms);
        }
        FromYear = Year(FyFrom);
        ToYear = Year(FyTo);
        if (Errors.Count > 0)
        {
            return PageWithStatus(400);
        }
        var download = !string.IsNullOrEmpty(Format);
        var page = Math.Max(1, PageNumber);
        var filters = new SearchFilters(Types, Programmes, FromYear, ToYear, Fields, Prefectures, Ministries);
        Result = await search.SearchAsync(Q, filters, download ? 0 : (page - 1) * PageSize, download ? FacetedSearch.MaxMatches : PageSize, ct);
        Hits = [.. Result.Items.Select(h => new SearchHitView(h, PortalLinks.SearchHit(h.Type, h.Code, h.RegionCode),
            SearchHighlighter.Highlight(h.Title, terms), SearchHighlighter.Highlight(h.TitleEn, terms), SearchHighlighter.Highlight(h.Excerpt, terms)))];
        Table = new DataTable("results", T["search.table"], T["common.name"], T["search.facet.type"], T["common.nameEn"], T["search.excerpt"],
            T["common.term"]) { Json = Result };
        foreach (var h in Hits)
        {
            Table.Add(Cell.Of(h.Hit.Title, h.Href), T.Label("type", h.Hit.Type), h.Hit.TitleEn, h.Hit.Excerpt, T.Term(h.Hit.FiscalYearFrom, h.Hit.FiscalYearTo));
        }
        return PageOrData(Table);
    }

    private int? Year(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var parsed = FiscalYearParser.Parse(text);
        if (!parsed.Success)
        {
            Errors.Add(T.Format("search.error.year", text));
        }
        return parsed.StartYear;
    }

    public string PageLink(int page) => PortalLinks.With(Request, ("page", page == 1 ? null : page.ToString(CultureInfo.InvariantCulture)));

    public int Pages => Result is null ? 0 : (Result.Total + PageSize - 1) / PageSize;
}
