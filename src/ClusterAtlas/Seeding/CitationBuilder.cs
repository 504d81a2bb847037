using ClusterAtlas.Sources;

namespace ClusterAtlas.Seeding;

/// <summary>Turns dataset citations into <see cref="Citation"/> rows, refusing any quote that is not at its line.</summary>
internal sealed class CitationBuilder(IReadOnlyDictionary<string, SourceDocument> sources, List<string> errors)
{
    public List<Citation> Citations { get; } = [];

    /// <summary>Queues citations for a subject whose id is known only after saving; returns them to fix up later.</summary>
    public List<Citation> Add(string subjectType, CiteFile[]? cites, string where, bool required = true)
    {
        var added = new List<Citation>();
        if (cites is null || cites.Length == 0)
        {
            if (required)
            {
                errors.Add($"{where}: no citation");
            }
            return added;
        }
        foreach (var cite in cites)
        {
            if (Check(cite, where))
            {
                var citation = new Citation
                {
                    SubjectType = subjectType,
                    Field = cite.Field,
                    SourceDocumentId = cite.Doc,
                    Url = cite.Url,
                    LineStart = cite.Line,
                    LineEnd = cite.LineEnd ?? cite.Line,
                    Quote = cite.Quote,
                };
                Citations.Add(citation);
                added.Add(citation);
            }
        }
        return added;
    }

    private bool Check(CiteFile cite, string where)
    {
        if (string.IsNullOrEmpty(cite.Quote))
        {
            errors.Add($"{where}: citation without a quote");
            return false;
        }
        if (cite.Doc is null)
        {
            if (string.IsNullOrWhiteSpace(cite.Url))
            {
                errors.Add($"{where}: citation names neither a document nor a URL");
                return false;
            }
            return true;
        }
        if (!sources.TryGetValue(cite.Doc, out var source) || source.Text is null)
        {
            errors.Add($"{where}: unknown source document '{cite.Doc}'");
            return false;
        }
        var lines = source.Lines();
        var start = cite.Line ?? 0;
        var end = cite.LineEnd ?? start;
        if (start < 1 || end < start || end > lines.Count)
        {
            errors.Add($"{where}: line {start}-{end} is outside {cite.Doc} (1-{lines.Count})");
            return false;
        }
        var text = string.Join('\n', lines.Skip(start - 1).Take(end - start + 1));
        if (!text.Contains(cite.Quote, StringComparison.Ordinal))
        {
            errors.Add($"{where}: quote «{cite.Quote}» is not at {cite.Doc}:{start}");
            return false;
        }
        return true;
    }
}
