using ClusterAtlas.Data;
using ClusterAtlas.Programmes;
using ClusterAtlas.Regions;
using ClusterAtlas.Tests.Infrastructure;
using ClusterAtlas.Tests.Scale;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ClusterAtlas.Tests.Search;

/// <summary>
/// What the region map colours each region by (RegionQueries.MapPointsAsync: its latest labelled project, else its latest),
/// checked against that rule written as one sorted subquery, as it was before the labelled projects got an index.
/// </summary>
public sealed class RegionMapTests : IAsyncLifetime
{
    private readonly TestDatabase database = TestDatabase.Create();

    public async Task InitializeAsync()
    {
        await using var db = database.NewContext();
        await db.Database.MigrateAsync();
        var kc = new Programme { Code = "kc", NameJa = "知的クラスター", NameEn = "Knowledge Cluster", Kind = ProgrammeKind.Programme };
        var ua = new Programme { Code = "ua", NameJa = "都市エリア", NameEn = "City Area", Kind = ProgrammeKind.Programme };
        Region At(string code) => new() { Code = code, NameJa = code, NameEn = code, Latitude = 35, Longitude = 135 };
        var (labelled, unlabelled, ties, empty) = (At("labelled"), At("unlabelled"), At("ties"), At("empty"));
        db.AddRange(kc, ua, labelled, unlabelled, ties, empty, new Region { Code = "unlocated", NameJa = "u", NameEn = "u" });
        await db.SaveChangesAsync();
        Participation P(Region r, Programme p, int year, int? listNo, string? group) =>
            new() { RegionId = r.Id, ProgrammeId = p.Id, StartFiscalYear = year, ListNo = listNo, GroupLabel = group, TermText = "H" + (year - 1988) };
        db.Participations.AddRange(
            // A later unlabelled project does not outrank an earlier labelled one.
            P(labelled, kc, 2002, 1, "A"), P(labelled, ua, 2008, 2, null), P(labelled, ua, 2004, 3, "B"),
            P(unlabelled, kc, 2003, 1, null), P(unlabelled, ua, 2006, null, null), P(unlabelled, kc, 2007, 4, null),
            // Same year: the higher list number, then the later id.
            P(ties, kc, 2005, 2, "X"), P(ties, ua, 2005, 2, "Y"), P(ties, kc, 2005, 1, "Z"));
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task MapPoints_AreTheLatestLabelledProjectElseTheLatest()
    {
        await using var db = database.NewContext();

        var points = await new RegionQueries(db).MapPointsAsync(new RegionFilter(null, null, null, null, null), CancellationToken.None);

        Assert.Equal(await SortedInFullAsync(db), points);
        Assert.Equal(["labelled", "unlabelled", "ties", "empty"], points.Select(p => p.Code));
        Assert.Equal(("ua", "B"), (points[0].Group!.Programme, points[0].Group!.GroupLabel));
        Assert.Equal("kc", points[1].Group!.Programme);
        Assert.Null(points[1].Group!.GroupLabel);
        Assert.Equal("Y", points[2].Group!.GroupLabel);
        Assert.Null(points[3].Group);
    }

    /// <summary>The rule as one subquery per region, sorting its projects with the labelled first.</summary>
    internal static Task<List<RegionMapPointDto>> SortedInFullAsync(AtlasDbContext db) =>
        db.Regions.AsNoTracking().Where(r => r.Latitude != null && r.Longitude != null).OrderBy(r => r.Id)
            .Select(r => new RegionMapPointDto(r.Code, r.NameJa, r.NameEn, r.Latitude!.Value, r.Longitude!.Value,
                r.Participations.OrderByDescending(p => p.GroupLabel != null).ThenByDescending(p => p.StartFiscalYear)
                    .ThenByDescending(p => p.ListNo).ThenByDescending(p => p.Id)
                    .Select(p => new RegionMapGroupDto(p.Programme!.Code, p.Programme.NameJa, p.Programme.NameEn, p.GroupLabel)).FirstOrDefault()))
            .ToListAsync();
}

/// <summary>The same rule over a generated registry's hundred regions and three thousand projects.</summary>
public sealed class RegionMapAtScaleTests(GeneratedRegistry registry) : IClassFixture<GeneratedRegistry>
{
    [Fact]
    public async Task MapPoints_MatchTheRuleSortedInFull()
    {
        await using var db = registry.Cli.NewContext();

        var points = await new RegionQueries(db).MapPointsAsync(new RegionFilter(null, null, null, null, null), CancellationToken.None);

        Assert.True(points.Count > 5);
        Assert.Equal(await RegionMapTests.SortedInFullAsync(db), points);
    }
}
