using ClusterAtlas.Paging;

namespace ClusterAtlas.Search;

/// <summary>
/// One searchable record. Text is stored normalised (NFKC, case, kanji variants) and as character bigrams, so that
/// 2-character Japanese terms (創薬) hit an index: FTS5/pg_trgm trigram indexes find nothing below 3 characters.
/// </summary>
public sealed class SearchEntry : IHasId
{
    public int Id { get; set; }
    public required string EntityType { get; set; }
    public int EntityId { get; set; }
    public required string Title { get; set; }
    public string? TitleEn { get; set; }
    public required string Normalized { get; set; }
    public required string Bigrams { get; set; }

    /// <summary>
    /// The title and English title alone, normalised, and their bigrams: the portal ranks hits whose title holds the
    /// terms first and learns which they are from indexes over these (SQLite: FTS5 tables of their own), where reading
    /// a thousand matches' titles to check them cost more than finding the matches. Null in entries written before
    /// these columns existed (<see cref="SearchIndexUpgrade"/> rewrites them).
    /// </summary>
    public string? TitleNormalized { get; set; }

    public string? TitleBigrams { get; set; }
}
