using ClusterAtlas.Sources;

namespace ClusterAtlas.Web.Features.Shared;

/// <summary>
/// A piece of a table cell: text, optionally a link, optionally in Japanese only (lang="ja" on an English page),
/// optionally styled (Css, e.g. a status badge) with a tooltip (Title) that repeats nothing the page does not say elsewhere.
/// </summary>
public sealed record CellPart(string Text, string? Href = null, string? Lang = null, string? Css = null, string? Title = null);

/// <summary>One cell: its parts, the citations of the fact it shows, and whether it is a number (right-aligned).</summary>
public sealed record Cell(IReadOnlyList<CellPart> Parts, IReadOnlyList<CitationDto> Cites, bool Numeric = false, string? Css = null, string? Raw = null)
{
    public string Text => string.Join("; ", Parts.Select(p => p.Text));

    /// <summary>What the CSV holds: the plain value (2230, not 2,230) where the cell shows a formatted number.</summary>
    public string Data => Raw ?? Text;

    public static Cell Of(string? text, string? href = null, IReadOnlyList<CitationDto>? cites = null, string? lang = null) =>
        new(string.IsNullOrEmpty(text) ? [] : [new CellPart(text, href, lang)], cites ?? []);

    public static Cell Num(string text, string? raw = null, IReadOnlyList<CitationDto>? cites = null, string? css = null) =>
        new(text.Length == 0 ? [] : [new CellPart(text)], cites ?? [], true, css, raw);

    public static Cell List(IEnumerable<CellPart> parts, IReadOnlyList<CitationDto>? cites = null) => new([.. parts], cites ?? []);

    public static implicit operator Cell(string? text) => Of(text);
}

/// <summary>
/// A table as the page shows it and as it is downloaded: the same rows render as HTML, as CSV (?format=csv&amp;table=id)
/// and, with <see cref="Json"/>, as the query's records (?format=json&amp;table=id).
/// </summary>
public sealed class DataTable(string id, string caption, params string[] columns)
{
    public string Id { get; } = id;
    public string Caption { get; } = caption;
    public IReadOnlyList<string> Columns { get; } = columns;
    public List<IReadOnlyList<Cell>> Rows { get; } = [];
    /// <summary>The records behind the rows, with all their fields and citations, for the JSON download.</summary>
    public object? Json { get; set; }
    /// <summary>Marks the first cell of each row as its header (th scope="row").</summary>
    public bool RowHeaders { get; init; } = true;
    public IReadOnlyList<string?> RowIds => rowIds;
    public IReadOnlyList<string?> RowCss => rowCss;
    private readonly List<string?> rowIds = [];
    private readonly List<string?> rowCss = [];

    public DataTable Add(params Cell[] cells) => AddRow(null, null, cells);

    public DataTable AddRow(string? rowId, string? css, params Cell[] cells)
    {
        if (cells.Length != Columns.Count)
        {
            throw new ArgumentException($"Table {Id} has {Columns.Count} columns; a row has {cells.Length}.", nameof(cells));
        }
        Rows.Add(cells);
        rowIds.Add(rowId);
        rowCss.Add(css);
        return this;
    }
}
