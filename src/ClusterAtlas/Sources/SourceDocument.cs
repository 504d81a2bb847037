namespace ClusterAtlas.Sources;

/// <summary>A source the data comes from. Its id is the file name of its text in data/sources (or a web address).</summary>
public sealed class SourceDocument
{
    public required string Id { get; set; }
    public required string TitleJa { get; set; }
    public string? TitleEn { get; set; }
    public string? Publisher { get; set; }
    public string? Url { get; set; }
    public string? DescriptionEn { get; set; }
    /// <summary>Full text as extracted; null for web pages we only quote.</summary>
    public string? Text { get; set; }
    public int LineCount { get; set; }
    public string? Sha256 { get; set; }

    public IReadOnlyList<string> Lines() => Text is null ? [] : Text.Split('\n');
}
