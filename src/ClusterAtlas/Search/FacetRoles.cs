using ClusterAtlas.Data;
using ClusterAtlas.Japanese;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Search;

/// <summary>A region a person or organisation belongs to, with the fiscal years that tie it there (0: not known).</summary>
public readonly record struct RegionTie(int RegionId, int From, int To);

/// <summary>
/// Which regions each person and organisation belongs to — through their roles and, for organisations, the international
/// links they are the partner of — read once per data version with the other <see cref="FacetFacts"/>. A search matching
/// a thousand organisations used to read their ten thousand roles per query (9 ms at any scale); here it is a slice of an
/// array. Rows are kept sorted by owner in flat arrays: the 2M roles of a 1M-project registry take about 30 MB.
/// </summary>
public sealed class FacetRoles
{
    private readonly Dictionary<int, (int Start, int Count)> people = [];
    private readonly Dictionary<int, (int Start, int Count)> organisations = [];
    private RegionTie[] personTies = [];
    private RegionTie[] organisationTies = [];

    /// <summary>The person's roles that name a region, with the fiscal years of their start and end.</summary>
    public ReadOnlySpan<RegionTie> OfPerson(int personId) =>
        people.TryGetValue(personId, out var s) ? personTies.AsSpan(s.Start, s.Count) : [];

    /// <summary>
    /// The regions of the organisation's roles (years 0: a role's dates are the person's business, not the organisation's),
    /// then those of the links it is the partner of (with the link's fiscal year).
    /// </summary>
    public ReadOnlySpan<RegionTie> OfOrganisation(int organisationId) =>
        organisations.TryGetValue(organisationId, out var s) ? organisationTies.AsSpan(s.Start, s.Count) : [];

    public static async Task<FacetRoles> LoadAsync(AtlasDbContext db, CancellationToken ct)
    {
        var roles = new FacetRoles();
        // Streamed in owner order off the covering indexes (PersonId, RegionId, FromDate, ToDate) and
        // (OrganisationId, RegionId): no list of two million objects in between.
        var personRows = db.RoleAssignments.AsNoTracking().Where(r => r.RegionId != null).OrderBy(r => r.PersonId)
            .Select(r => new { r.PersonId, RegionId = r.RegionId!.Value, r.FromDate, r.ToDate }).AsAsyncEnumerable();
        var ties = new List<RegionTie>();
        await foreach (var r in personRows.WithCancellation(ct))
        {
            Append(roles.people, ties, r.PersonId, new RegionTie(r.RegionId, Year(r.FromDate), Year(r.ToDate)));
        }
        roles.personTies = [.. ties];

        ties.Clear();
        var organisationRows = db.RoleAssignments.AsNoTracking().Where(r => r.RegionId != null && r.OrganisationId != null)
            .Select(r => new { OrganisationId = r.OrganisationId!.Value, RegionId = r.RegionId!.Value }).Distinct()
            .OrderBy(r => r.OrganisationId).ThenBy(r => r.RegionId).AsAsyncEnumerable();
        var links = (await db.InternationalLinks.AsNoTracking().Where(l => l.PartnerOrganisationId != null)
            .Select(l => new { OrganisationId = l.PartnerOrganisationId!.Value, l.RegionId, l.FiscalYear }).ToListAsync(ct))
            .ToLookup(l => l.OrganisationId);
        void AppendLinks(int organisationId)
        {
            foreach (var l in links[organisationId])
            {
                Append(roles.organisations, ties, organisationId, new RegionTie(l.RegionId, l.FiscalYear ?? 0, l.FiscalYear ?? 0));
            }
        }
        int? current = null;
        await foreach (var r in organisationRows.WithCancellation(ct))
        {
            if (current is { } previous && previous != r.OrganisationId)
            {
                AppendLinks(previous);
            }
            current = r.OrganisationId;
            Append(roles.organisations, ties, r.OrganisationId, new RegionTie(r.RegionId, 0, 0));
        }
        if (current is { } last)
        {
            AppendLinks(last);
        }
        // Partners with links only (those with roles have their slice already).
        foreach (var organisationId in links.Select(g => g.Key).Where(id => !roles.organisations.ContainsKey(id)).ToList())
        {
            AppendLinks(organisationId);
        }
        roles.organisationTies = [.. ties];
        return roles;
    }

    private static int Year(DateOnly? date) => date is { } d ? FiscalYear.Of(d).StartYear : 0;

    /// <summary>Adds a row for an owner; rows of one owner arrive together, so each owner's rows are one slice.</summary>
    private static void Append(Dictionary<int, (int Start, int Count)> slices, List<RegionTie> ties, int owner, RegionTie tie)
    {
        if (slices.TryGetValue(owner, out var s))
        {
            if (s.Start + s.Count != ties.Count)
            {
                throw new InvalidOperationException($"rows of {owner} did not arrive together");
            }
            slices[owner] = (s.Start, s.Count + 1);
        }
        else
        {
            slices[owner] = (ties.Count, 1);
        }
        ties.Add(tie);
    }
}
