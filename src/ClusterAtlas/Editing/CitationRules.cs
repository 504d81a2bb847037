namespace ClusterAtlas.Editing;

/// <summary>Every new or changed figure must say where it comes from: a registry source document or a web address,
/// the quoted text, and the line (documents) or page (web and printed sources).</summary>
public static class CitationRules
{
    public const int MaxQuoteLength = 2000;

    public static IEnumerable<string> Check(ChangeKind kind, CitationInput? citation, bool sourceExists)
    {
        // A deletion removes a figure; a restore brings back a version whose citations are still stored.
        if (kind is ChangeKind.Delete or ChangeKind.Restore && citation is null)
        {
            yield break;
        }
        if (citation is null || (string.IsNullOrWhiteSpace(citation.SourceDocumentId) && string.IsNullOrWhiteSpace(citation.Url)))
        {
            yield return "citation: name a source document or a URL";
            yield break;
        }
        if (!string.IsNullOrWhiteSpace(citation.SourceDocumentId) && !sourceExists)
        {
            yield return $"citation.sourceDocumentId: no source document '{citation.SourceDocumentId}'";
        }
        if (!string.IsNullOrWhiteSpace(citation.Url) &&
            !(Uri.TryCreate(citation.Url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
        {
            yield return "citation.url: must be an http(s) address";
        }
        if (string.IsNullOrWhiteSpace(citation.Quote))
        {
            yield return "citation.quote: quote the text that supports the figure";
        }
        else if (citation.Quote.Length > MaxQuoteLength)
        {
            yield return $"citation.quote: longer than {MaxQuoteLength} characters";
        }
        if (citation.Line is null && string.IsNullOrWhiteSpace(citation.Page))
        {
            yield return "citation: give the line (source documents) or the page";
        }
        if (citation.Line is < 1)
        {
            yield return "citation.line: lines start at 1";
        }
    }
}
