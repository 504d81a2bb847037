using System.Globalization;
using ClusterAtlas.Sources;
using ClusterAtlas.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace ClusterAtlas.Web.Features.Sources;

/// <summary>A line of the source with the records that cite it (listed on the first line of each quoted range).</summary>
public sealed record SourceLineView(int Number, string Text, bool Cited, IReadOnlyList<CitingRecordDto> StartingHere);

/// <summary>/sources/{id}: the text with a numbered anchor per line (#L12), cited lines highlighted with what cites them.</summary>
public sealed class DetailsModel(SourceQueries sources, CitingRecords citing) : PortalPageModel
{
    public SourceDto Source { get; private set; } = null!;
    public List<SourceLineView> Lines { get; private set; } = [];
    public DataTable Citations { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        var source = await sources.GetAsync(id, null, null, ct);
        if (source is null)
        {
            return NotFound();
        }
        Source = source;
        var records = await citing.ForDocumentAsync(id, ct);
        var starting = records.ToLookup(r => r.Line);
        var cited = records.SelectMany(r => Enumerable.Range(r.Line, Math.Max(1, (r.LineEnd ?? r.Line) - r.Line + 1))).ToHashSet();
        Lines = [.. source.Lines.Select(l => new SourceLineView(l.Number, l.Text, cited.Contains(l.Number),
            [.. starting[l.Number].DistinctBy(r => (r.SubjectType, r.SubjectId))]))];
        Citations = new DataTable("citations", T["source.citing.table"], T["source.line"], T["common.name"], T["common.kind"], T["common.quote"])
            { Json = records };
        foreach (var r in records)
        {
            var line = r.Line.ToString(CultureInfo.InvariantCulture) + (r.LineEnd is { } end && end != r.Line ? "–" + end.ToString(CultureInfo.InvariantCulture) : "");
            Citations.Add(Cell.Of(line, "#L" + r.Line.ToString(CultureInfo.InvariantCulture)),
                Cell.Of(T.Name(r.LabelJa, r.LabelEn), PortalLinks.CitingTarget(r.TargetKind, r.TargetCode)),
                r.SubjectType + (r.Field is null ? "" : " / " + r.Field), Cell.Of(r.Quote, lang: "ja"));
        }
        return PageOrData(Citations);
    }
}
