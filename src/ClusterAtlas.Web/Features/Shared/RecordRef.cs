namespace ClusterAtlas.Web.Features.Shared;

/// <summary>A registry record by table and id, for the history and edit links of a page.</summary>
public sealed record RecordRef(string Table, int Id);
