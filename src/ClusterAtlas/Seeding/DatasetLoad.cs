namespace ClusterAtlas.Seeding;

/// <summary>Records which version (content hash) of the curated dataset a database holds, so seeding is idempotent.</summary>
public sealed class DatasetLoad
{
    public int Id { get; set; }
    public required string DatasetHash { get; set; }
    public DateTimeOffset LoadedAt { get; set; }
    public int RecordCount { get; set; }
}
