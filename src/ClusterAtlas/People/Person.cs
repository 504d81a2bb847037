using ClusterAtlas.Paging;

namespace ClusterAtlas.People;

public sealed class Person : IHasId
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string NameJa { get; set; }
    public string? NameEn { get; set; }
    public string? Note { get; set; }
    public List<RoleAssignment> Roles { get; set; } = [];
}
