using ClusterAtlas.International;
using ClusterAtlas.Network;
using ClusterAtlas.Organisations;
using ClusterAtlas.People;
using ClusterAtlas.Programmes;
using ClusterAtlas.Regions;
using ClusterAtlas.Tests.Infrastructure;
using ClusterAtlas.Tests.Scale;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ClusterAtlas.Tests.Network;

/// <summary>
/// The graph's SQL counts and its bounded selection on a registry made of the edge cases: partner names that normalise
/// to one key, names of spaces only (full-width too), a role titled like a link, links to Japan or to nobody, a
/// programme whose parent no region takes part in, repeated rows and a region with no connections.
/// </summary>
public sealed class NetworkGraphTests : IAsyncLifetime
{
    private readonly TestDatabase database = TestDatabase.Create();

    public async Task InitializeAsync()
    {
        await using var db = database.NewContext();
        await db.Database.MigrateAsync();
        var regions = Enumerable.Range(1, 4).Select(i => new Region { Code = $"r{i}", NameJa = $"地域{i}", NameEn = $"Region {i}" }).ToList();
        var parent = new Programme { Code = "p", NameJa = "事業", NameEn = "Programme", Kind = ProgrammeKind.Programme };
        var track = new Programme { Code = "p-1", NameJa = "事業1", NameEn = "Track 1", Kind = ProgrammeKind.Track, Parent = parent };
        var other = new Programme { Code = "q", NameJa = "別事業", NameEn = "Other", Kind = ProgrammeKind.Programme };
        var orgs = new[] { ("jp", "JP"), ("de", "DE"), ("fr", "FR") }
            .Select(o => new Organisation { Code = o.Item1, NameJa = "機関" + o.Item1, Kind = "university", CountryCode = o.Item2 }).ToList();
        var person = new Person { Code = "someone", NameJa = "某" };
        db.AddRange(regions);
        db.AddRange(parent, track, other, person);
        db.AddRange(orgs);
        await db.SaveChangesAsync();

        foreach (var (region, programme, start, end) in new[] { (0, track, 2002, 2006), (0, track, 2002, 2006), (0, track, 2007, (int?)null), (1, track, 2002, 2006), (2, other, 2010, 2014) })
        {
            db.Participations.Add(new Participation { RegionId = regions[region].Id, ProgrammeId = programme.Id, StartFiscalYear = start, EndFiscalYear = end, TermText = "" });
        }
        foreach (var (region, org, title) in new[] { (0, 0, "本部長"), (0, 0, "本部長"), (0, 0, "国際連携"), (1, 0, "事業総括"), (1, 1, "研究統括") })
        {
            db.RoleAssignments.Add(new RoleAssignment { PersonId = person.Id, RegionId = regions[region].Id, OrganisationId = orgs[org].Id, Title = title });
        }
        db.RoleAssignments.Add(new RoleAssignment { PersonId = person.Id, RegionId = regions[2].Id, Title = "委員" });
        foreach (var (region, org, name, country) in new (int, int?, string?, string?)[]
        {
            (0, 0, null, null), (0, 1, "ignored", "US"), (1, 2, null, null), (0, null, "Ｆｏｏ Lab", "DE"), (0, null, "foo lab", "DE"),
            (1, null, "FOO LAB", "AT"), (1, null, "Bar", null), (2, null, "  ", "SG"), (2, null, "\u3000", "KR"), (2, null, null, "SG"), (2, null, null, "JP"), (2, null, null, null),
        })
        {
            db.InternationalLinks.Add(new InternationalLink
            {
                RegionId = regions[region].Id, PartnerOrganisationId = org is { } o ? orgs[o].Id : null, PartnerName = name, CountryCode = country, ActivityJa = "交流",
            });
        }
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task WithinTheLimits_TheGraphIsWhole_AndItsSqlTotalsCountIt()
    {
        await using var db = database.NewContext();
        var whole = await WholeNetwork.ReadAsync(db);

        var graph = await new NetworkGraph(db).BuildAsync(CancellationToken.None);

        Assert.Equal(whole.Nodes.Order(StringComparer.Ordinal), graph.Nodes.Select(n => n.Id).Order(StringComparer.Ordinal));
        Assert.Equal(whole.Edges.Order(StringComparer.Ordinal), graph.Edges.Select(e => $"{e.Source}|{e.Target}|{e.LabelJa}").Order(StringComparer.Ordinal));
        Assert.Equal(new NetworkTotalsDto(whole.Nodes.Count, whole.Edges.Count), graph.Totals);
        Assert.Single(graph.Nodes, n => n.Id == "foreign:foo lab");
        Assert.Contains(graph.Nodes, n => n.Id == "region:r4");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(12)]
    public async Task BeyondTheLimit_ThePartShownIsOfTheWholeGraph_AndTheTotalsStayTheWhole(int limit)
    {
        await using var db = database.NewContext();
        var whole = await WholeNetwork.ReadAsync(db);

        var graph = await new NetworkGraph(db).BuildAsync(limit, CancellationToken.None);

        var nodes = graph.Nodes.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        Assert.InRange(nodes.Count, 1, limit);
        Assert.Equal(graph.Nodes.Count, nodes.Count);
        Assert.InRange(graph.Edges.Count, 0, limit * NetworkGraph.EdgesPerNode);
        Assert.Subset(whole.Nodes, nodes);
        Assert.All(graph.Edges, e => Assert.Contains($"{e.Source}|{e.Target}|{e.LabelJa}", whole.Edges));
        Assert.All(graph.Edges, e => Assert.True(nodes.Contains(e.Source) && nodes.Contains(e.Target)));
        Assert.Equal(new NetworkTotalsDto(whole.Nodes.Count, whole.Edges.Count), graph.Totals);
        // The most connected region comes first: r2 (a programme, three organisations and two partners).
        Assert.Contains("region:r2", nodes);
    }
}
