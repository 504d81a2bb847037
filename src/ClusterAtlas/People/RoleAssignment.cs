using ClusterAtlas.Organisations;
using ClusterAtlas.Paging;
using ClusterAtlas.Regions;

namespace ClusterAtlas.People;

/// <summary>A dated role (本部長, 事業総括, 研究統括, 科学技術コーディネータ … an open list) held by a person.</summary>
public sealed class RoleAssignment : IHasId
{
    public int Id { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    public required string Title { get; set; }
    public int? RegionId { get; set; }
    public Region? Region { get; set; }
    public int? OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public DateOnly? FromDate { get; set; }
    public DateOnly? ToDate { get; set; }
    public string? Note { get; set; }
}
