using ClusterAtlas.Data;
using ClusterAtlas.Paging;
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
}
