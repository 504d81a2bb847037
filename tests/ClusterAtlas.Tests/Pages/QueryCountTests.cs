using System.Data.Common;
using ClusterAtlas.Data;
using ClusterAtlas.Regions;
using ClusterAtlas.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using Xunit.Abstractions;

namespace ClusterAtlas.Tests.Pages;

/// <summary>Counts the SQL commands the app sends, so tests can tell a batched page from an N+1 one.</summary>
public sealed class CommandCounter : DbCommandInterceptor, ISqlBatchObserver
{
    private int count;

    /// <summary>A command of the app's own batches (search), which EF does not see.</summary>
    public void Executing(DbCommand command) => Interlocked.Increment(ref count);

    public int Count => Volatile.Read(ref count);

    public void Reset() => Interlocked.Exchange(ref count, 0);

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Interlocked.Increment(ref count);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref count);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Interlocked.Increment(ref count);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref count);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Interlocked.Increment(ref count);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref count);
        return ValueTask.FromResult(result);
    }
}

/// <summary>Pages run a bounded number of SQL commands, whatever the size of what they show (no N+1).</summary>
[Collection(SeededApiFixture.Name)]
public sealed class QueryCountTests(AtlasFactory factory, ITestOutputHelper output)
{
    private const int RegionPageBudget = 25;

    /// <summary>The app with a command counter and without the response cache (a cached page runs no SQL at all).</summary>
    private static WebApplicationFactory<Program> Counting(WebApplicationFactory<Program> factory, CommandCounter counter) =>
        factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Caching:Enabled", "false");
            b.ConfigureServices(s => s.ConfigureDbContext<AtlasDbContext>(o => o.AddInterceptors(counter)));
        });

    private static async Task<int> CommandsForAsync(WebApplicationFactory<Program> app, CommandCounter counter, string url)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        await client.GetStringAsync(new Uri(url, UriKind.Relative)); // warm-up: model building, first-request work
        counter.Reset();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return counter.Count;
    }

    [Fact]
    public async Task RegionPage_RunsTheSameBoundedNumberOfCommandsWhateverItsSize()
    {
        var counter = new CommandCounter();
        await using var app = Counting(factory, counter);

        // hakodate has four participations and an indicator; biwako one participation; kansai the most links.
        var many = await CommandsForAsync(app, counter, "/regions/hakodate");
        var one = await CommandsForAsync(app, counter, "/regions/biwako");
        var links = await CommandsForAsync(app, counter, "/regions/kansai");
        output.WriteLine($"SQL commands: hakodate {many}, biwako {one}, kansai {links}");
        Assert.All([many, one, links], n => Assert.InRange(n, 1, RegionPageBudget));
        // Only the citation look-ups of empty sections are skipped, so counts differ by a few at most, never per row.
        Assert.InRange(Math.Abs(many - one), 0, 3);
        Assert.InRange(Math.Abs(links - one), 0, 3);
    }

    [Fact]
    public async Task RegionPage_CommandCountDoesNotGrowWithItsParticipations()
    {
        // A private database: this test adds rows the shared fixture's other tests must not see.
        var own = new AtlasFactory();
        try
        {
            var counter = new CommandCounter();
            await using var app = Counting(own, counter);
            var before = await CommandsForAsync(app, counter, "/regions/biwako");

            await using (var db = own.Database.NewContext())
            {
                var region = await db.Regions.SingleAsync(r => r.Code == "biwako");
                var programmes = await db.Programmes.Select(p => p.Id).ToListAsync();
                var participations = Enumerable.Range(0, 30).Select(i => new Participation
                {
                    RegionId = region.Id, ProgrammeId = programmes[i % programmes.Count], StartFiscalYear = 2000 + (i % 12),
                    EndFiscalYear = 2002 + (i % 12), TermText = "test",
                }).ToList();
                db.Participations.AddRange(participations);
                await db.SaveChangesAsync();
                db.Citations.AddRange(participations.Select(p => new ClusterAtlas.Sources.Citation
                {
                    SubjectType = ClusterAtlas.Sources.SubjectTypes.Participation, SubjectId = p.Id, Quote = "test",
                }));
                await db.SaveChangesAsync();
            }

            var after = await CommandsForAsync(app, counter, "/regions/biwako");
            output.WriteLine($"SQL commands for biwako: {before} with 1 participation, {after} with 31");
            Assert.Equal(before, after);
            Assert.InRange(after, 1, RegionPageBudget);
        }
        finally
        {
            await ((IAsyncLifetime)own).DisposeAsync();
        }
    }

    [Theory]
    [InlineData("/", 40)]
    [InlineData("/regions", 25)]
    [InlineData("/programmes/kc", 40)]
    [InlineData("/search?q=クラスター", 25)]
    [InlineData("/compare?r=kansai&r=sendai&r=hakodate&r=fukuoka&r=tokai&r=nagano&r=kyoto&r=biwako&r=hamamatsu&r=kurume", 25)]
    [InlineData("/network", 10)]
    [InlineData("/sources/002_a517ae6cbf4fe8c2", 25)]
    public async Task Page_StaysWithinItsCommandBudget(string url, int budget)
    {
        var counter = new CommandCounter();
        await using var app = Counting(factory, counter);
        Assert.InRange(await CommandsForAsync(app, counter, url), 1, budget);
    }
}
