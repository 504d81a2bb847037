using ClusterAtlas.Data;
using ClusterAtlas.Paging;
using ClusterAtlas.Regions;
using ClusterAtlas.Search;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ClusterAtlas.Tests.Scale;

/// <summary>Search over a generated registry: capped counts that stay honest, and facets that match the projects.</summary>
public sealed class SearchAtScaleTests(GeneratedRegistry registry) : IClassFixture<GeneratedRegistry>
{
    [Fact]
    public async Task ApiSearch_ManyMatches_CountsUpToTheCapAndSaysSo_WhileTheCursorWalksThemAll()
    {
        await using var db = registry.Cli.NewContext();
        var exact = await new SearchQuery(db).Matching("大学").CountAsync();
        Assert.True(exact > 60, $"{exact} matches for 大学");

        var first = await new SearchService(db, countCap: 50).SearchAsync("大学", null, new PageRequest(40, 0, null), CancellationToken.None);
        var walked = first.Items.Count;
        for (var cursor = first.NextCursor; cursor is not null;)
        {
            var page = await new SearchService(db, countCap: 50).SearchAsync("大学", null, new PageRequest(40, 0, PageRequest.DecodeCursor(cursor)), CancellationToken.None);
            walked += page.Items.Count;
            cursor = page.NextCursor;
        }

        Assert.True(first.Capped);
        Assert.Equal(50, first.Total);
        Assert.Equal(51, first.Facets.Values.Sum());
        Assert.Equal(exact, walked);
    }

    [Fact]
    public async Task ApiSearch_FewMatches_CountsExactly()
    {
        await using var db = registry.Cli.NewContext();
        var exact = await new SearchQuery(db).Matching("大学").GroupBy(e => e.EntityType).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);

        var result = await new SearchService(db).SearchAsync("大学", ["organisation"], new PageRequest(10, 0, null), CancellationToken.None);

        Assert.False(result.Capped);
        Assert.Equal(exact, result.Facets);
        Assert.Equal(exact["organisation"], result.Total);
        Assert.All(result.Items, i => Assert.Equal("organisation", i.Type));
    }

    [Theory]
    [InlineData("大学")]
    [InlineData("創薬")]
    [InlineData("医療")]
    [InlineData("mems")]
    [InlineData("存在しない語句")]
    public async Task RegionList_TextFilter_ProjectRegionsFromMemory_AreThoseTheJoinFinds(string q)
    {
        await using var db = registry.Cli.NewContext();
        using var version = new DataVersion(registry.Cli.Database.Options, TimeProvider.System, TimeSpan.Zero);
        var facts = new FacetFactsCache(registry.Cli.Database.Options, version);
        var filter = new RegionFilter(q, null, null, null, null);

        var joined = await new RegionQueries(db).ListAsync(filter, new PageRequest(500, 0, null), CancellationToken.None);
        var inMemory = await new RegionQueries(db, facts).ListAsync(filter, new PageRequest(500, 0, null), CancellationToken.None);
        var programme = await db.Programmes.OrderBy(p => p.Id).Select(p => p.Code).FirstAsync();
        var narrowed = await new RegionQueries(db, facts).ListAsync(filter with { Programme = programme }, new PageRequest(500, 0, null), CancellationToken.None);

        Assert.Equal(joined.Items.Select(r => r.Code), inMemory.Items.Select(r => r.Code));
        Assert.Equal(joined.Total, inMemory.Total);
        Assert.Equal((await new RegionQueries(db).ListAsync(filter with { Programme = programme }, new PageRequest(500, 0, null), CancellationToken.None)).Items.Select(r => r.Code),
            narrowed.Items.Select(r => r.Code));
        // Regions with a matching project but no match of their own are found too (大学 names organisations only).
        var ownMatches = await new SearchQuery(db).RecordIds(q, SearchTypes.Region).CountAsync();
        var projectMatches = await new SearchQuery(db).RecordIds(q, SearchTypes.Project).CountAsync();
        Assert.Equal(projectMatches > 0, inMemory.Total > ownMatches);
        Assert.Equal(q is "創薬" or "医療" or "mems", projectMatches > 0);
    }

    [Fact]
    public async Task PortalSearch_RegionHit_HasTheProgrammesYearsAndFieldsOfItsProjects()
    {
        await using var db = registry.Cli.NewContext();
        using var version = new DataVersion(registry.Cli.Database.Options, TimeProvider.System, TimeSpan.Zero);
        var facts = new FacetFactsCache(registry.Cli.Database.Options, version);

        var region = await db.Regions.SingleAsync(r => r.Code == "rg-00005");

        var result = await new FacetedSearch(db, facts).SearchAsync(region.NameJa, SearchFilters.None, 0, FacetedSearch.MaxMatches, CancellationToken.None);

        var hit = Assert.Single(result.Items, h => h.Code == region.Code);
        var projects = await db.Participations.Where(p => p.RegionId == region.Id).Include(p => p.Programme).ToListAsync();
        var expectedProgrammes = projects.SelectMany(p => new[] { p.Programme!.Id, p.Programme.ParentId }).OfType<int>().Distinct();
        var codes = await db.Programmes.Where(p => expectedProgrammes.Contains(p.Id)).Select(p => p.Code).ToListAsync();
        Assert.Equal(codes.Order(StringComparer.Ordinal), hit.Programmes.Order(StringComparer.Ordinal));
        Assert.Equal(projects.Min(p => p.StartFiscalYear), hit.FiscalYearFrom!.Year);
        Assert.Equal(projects.Max(p => p.EndFiscalYear ?? p.StartFiscalYear), hit.FiscalYearTo!.Year);
        Assert.Equal(await db.RegionFields.Where(f => f.RegionId == region.Id).Select(f => f.Field).OrderBy(f => f).ToListAsync(), hit.Fields.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task PortalSearch_OrganisationPersonAndProjectHits_CarryTheFacetsOfTheirOwnRows()
    {
        await using var db = registry.Cli.NewContext();
        using var version = new DataVersion(registry.Cli.Database.Options, TimeProvider.System, TimeSpan.Zero);
        var search = new FacetedSearch(db, new FacetFactsCache(registry.Cli.Database.Options, version));
        var person = await db.People.Where(p => db.RoleAssignments.Count(r => r.PersonId == p.Id && r.RegionId != null) > 1).OrderBy(p => p.Id).FirstAsync();
        var project = await db.Participations.Where(p => p.Theme != null && p.Theme.Length > 6).OrderByDescending(p => p.Id).FirstAsync();

        var organisations = await search.SearchAsync("大学", new SearchFilters(["organisation"], [], null, null, [], [], []), 0, 20, CancellationToken.None);
        var people = await search.SearchAsync(person.NameJa, new SearchFilters(["person"], [], null, null, [], [], []), 0, 20, CancellationToken.None);
        var projects = await search.SearchAsync(project.Theme!, new SearchFilters(["project"], [], null, null, [], [], []), 0, 50, CancellationToken.None);

        // Each expectation straight from the rows: the prefectures of the regions an organisation has roles or links in,
        // the regions and years of a person's roles, a project's own programme and years.
        Assert.NotEmpty(organisations.Items);
        foreach (var hit in organisations.Items)
        {
            var id = await db.Organisations.Where(o => o.Code == hit.Code).Select(o => o.Id).SingleAsync();
            var regions = await db.RoleAssignments.Where(r => r.OrganisationId == id && r.RegionId != null).Select(r => r.RegionId!.Value)
                .Union(db.InternationalLinks.Where(l => l.PartnerOrganisationId == id).Select(l => l.RegionId)).ToListAsync();
            Assert.Equal(await Prefectures(db, regions), hit.Prefectures.Order(StringComparer.Ordinal));
        }
        var personHit = Assert.Single(people.Items, h => h.Code == person.Code);
        var roles = await db.RoleAssignments.Where(r => r.PersonId == person.Id && r.RegionId != null).ToListAsync();
        Assert.Equal(await Prefectures(db, [.. roles.Select(r => r.RegionId!.Value)]), personHit.Prefectures.Order(StringComparer.Ordinal));
        var starts = roles.Where(r => r.FromDate != null).Select(r => ClusterAtlas.Japanese.FiscalYear.Of(r.FromDate!.Value).StartYear).ToList();
        Assert.Equal(starts.Count == 0 ? null : starts.Min(), personHit.FiscalYearFrom?.Year);
        var projectHit = Assert.Single(projects.Items, h => h.Code == project.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(await db.Programmes.Where(p => p.Id == project.ProgrammeId).Select(p => p.Code).SingleAsync(), projectHit.Programmes);
        Assert.Equal(project.StartFiscalYear, projectHit.FiscalYearFrom!.Year);
        Assert.Equal(project.EndFiscalYear ?? project.StartFiscalYear, projectHit.FiscalYearTo!.Year);
        Assert.Equal(await Prefectures(db, [project.RegionId]), projectHit.Prefectures.Order(StringComparer.Ordinal));
    }

    private static async Task<List<string>> Prefectures(AtlasDbContext db, List<int> regionIds) =>
        [.. (await db.RegionPrefectures.Where(p => regionIds.Contains(p.RegionId)).Select(p => p.Prefecture).Distinct().ToListAsync()).Order(StringComparer.Ordinal)];
}
