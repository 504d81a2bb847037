using ClusterAtlas.Accounts;
using ClusterAtlas.Organisations;
using ClusterAtlas.Regions;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ClusterAtlas.Editing;

/// <summary>Whether an editor limited to regions/organisations may touch a record: the record must belong to one of
/// them before and after the change (moving a record into or out of one's scope is not allowed either).</summary>
public static class EditScope
{
    public static bool Allows(Actor actor, IEntityType type, object? before, object? after)
    {
        if (!actor.IsScoped)
        {
            return true;
        }
        return (before is null || Belongs(actor, type, before)) && (after is null || Belongs(actor, type, after));
    }

    private static bool Belongs(Actor actor, IEntityType type, object entity)
    {
        if (entity is Region region)
        {
            return actor.RegionIds.Contains(region.Id);
        }
        if (entity is Organisation organisation)
        {
            return actor.OrganisationIds.Contains(organisation.Id);
        }
        var regionId = type.FindProperty("RegionId")?.PropertyInfo?.GetValue(entity) as int?;
        var organisationId = type.FindProperty("OrganisationId")?.PropertyInfo?.GetValue(entity) as int?;
        return (regionId is { } r && actor.RegionIds.Contains(r)) || (organisationId is { } o && actor.OrganisationIds.Contains(o));
    }
}
