namespace ClusterAtlas.Programmes;

/// <summary>A predecessor → successor relation between programmes or measures.</summary>
public sealed class ProgrammeLineage
{
    public int Id { get; set; }
    public int FromId { get; set; }
    public Programme? From { get; set; }
    public int ToId { get; set; }
    public Programme? To { get; set; }
    public required string Kind { get; set; }
    public string? Note { get; set; }
}
