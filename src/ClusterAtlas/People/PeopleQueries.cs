using ClusterAtlas.Data;
using ClusterAtlas.Organisations;
using ClusterAtlas.Paging;
using ClusterAtlas.Search;
using ClusterAtlas.Sources;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.People;

public sealed record RoleDto(
    int Id, int PersonId, string PersonCode, string PersonNameJa, string Title, string? Region, OrganisationRefDto? Organisation,
    DateOnly? From, DateOnly? To, string? Note, IReadOnlyList<CitationDto> Citations);

public sealed record PersonDto(int Id, string Code, string NameJa, string? NameEn, string? Note, IReadOnlyList<RoleDto> Roles, IReadOnlyList<CitationDto> Citations);

public sealed class RoleQueries(AtlasDbContext db)
{
    /// <summary>The region's roles in date order, at most <paramref name="limit"/> of them (all when null).</summary>
    public async Task<List<RoleDto>> ForRegionAsync(int regionId, int? limit, CancellationToken ct)
    {
        var query = Roles().Where(r => r.RegionId == regionId);
        return await MapAsync(await (limit is { } n ? query.Take(n) : query).ToListAsync(ct), ct);
    }

    public async Task<List<RoleDto>> ForPeopleAsync(List<int> personIds, CancellationToken ct) =>
        await MapAsync(await Roles().Where(r => personIds.Contains(r.PersonId)).ToListAsync(ct), ct);

    private IQueryable<RoleAssignment> Roles() => db.RoleAssignments.AsNoTracking()
        .Include(r => r.Person).Include(r => r.Region).Include(r => r.Organisation).OrderBy(r => r.FromDate).ThenBy(r => r.Id);

    private async Task<List<RoleDto>> MapAsync(List<RoleAssignment> rows, CancellationToken ct)
    {
        var cites = await CitationLookup.ForAsync(db, SubjectTypes.RoleAssignment, rows.Select(r => r.Id), ct);
        return rows.Select(r => new RoleDto(r.Id, r.PersonId, r.Person!.Code, r.Person.NameJa, r.Title, r.Region?.Code,
            r.Organisation is null ? null : OrganisationQueries.Ref(r.Organisation), r.FromDate, r.ToDate, r.Note, [.. cites[r.Id]])).ToList();
    }
}

public sealed class PeopleQueries(AtlasDbContext db)
{
    public async Task<Page<PersonDto>> ListAsync(string? q, string? title, string? region, PageRequest page, CancellationToken ct)
    {
        var query = db.People.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var ids = new SearchQuery(db).RecordIds(q, SearchTypes.Person);
            query = query.Where(p => ids.Contains(p.Id));
        }
        if (!string.IsNullOrWhiteSpace(title))
        {
            query = query.Where(p => p.Roles.Any(r => r.Title == title));
        }
        if (!string.IsNullOrWhiteSpace(region))
        {
            query = query.Where(p => p.Roles.Any(r => r.Region!.Code == region));
        }
        return await query.ToPageAsync(page, rows => MapAsync(rows, ct), ct);
    }

    public async Task<PersonDto?> GetAsync(string idOrCode, CancellationToken ct)
    {
        var person = int.TryParse(idOrCode, out var id)
            ? await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct)
            : await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Code == idOrCode, ct);
        return person is null ? null : (await MapAsync([person], ct))[0];
    }

    private async Task<List<PersonDto>> MapAsync(List<Person> rows, CancellationToken ct)
    {
        var ids = rows.Select(p => p.Id).ToList();
        var roles = (await new RoleQueries(db).ForPeopleAsync(ids, ct)).ToLookup(r => r.PersonId);
        var cites = await CitationLookup.ForAsync(db, SubjectTypes.Person, ids, ct);
        return rows.Select(p => new PersonDto(p.Id, p.Code, p.NameJa, p.NameEn, p.Note, [.. roles[p.Id]], [.. cites[p.Id]])).ToList();
    }
}
