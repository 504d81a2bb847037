using ClusterAtlas.Audit;
using ClusterAtlas.Data;
using ClusterAtlas.Ministries;
using ClusterAtlas.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ClusterAtlas.Tests.Caching;

/// <summary><see cref="DataVersion"/> on the lane's engine: it moves when a registry change commits, and only then.</summary>
public sealed class DataVersionTests : IAsyncLifetime
{
    private readonly TestDatabase database = TestDatabase.Create();

    public async Task InitializeAsync()
    {
        await using var db = database.NewContext();
        await db.Database.MigrateAsync();
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private DataVersion Version() => new(database.Options, TimeProvider.System, TimeSpan.Zero);

    [Fact]
    public async Task CommittedRegistryWrite_MovesTheVersion_ReadsDoNot()
    {
        using var version = Version();
        var first = await version.CurrentAsync(CancellationToken.None);
        await using (var db = database.NewContext())
        {
            Assert.Equal(0, await db.Ministries.CountAsync());
        }
        Assert.Equal(first, await version.CurrentAsync(CancellationToken.None));
        await using (var db = database.NewContext())
        {
            db.Ministries.Add(new Ministry { Code = "dv", NameJa = "試験省", NameEn = "Test ministry" });
            await db.SaveChangesAsync();
        }
        Assert.NotEqual(first, await version.CurrentAsync(CancellationToken.None));
    }

    [Fact]
    public async Task OnPostgres_OnlyThisDatabasesCommittedRegistryChangesCount()
    {
        if (!TestDatabase.IsPostgres)
        {
            return; // SQLite's PRAGMA data_version is the file's own and moves at commit by design.
        }
        using var version = Version();
        var start = await version.CurrentAsync(CancellationToken.None);

        await using (var db = database.NewContext())
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            db.Ministries.Add(new Ministry { Code = "open", NameJa = "未確定省", NameEn = "Uncommitted" });
            await db.SaveChangesAsync();
            db.Ministries.Add(new Ministry { Code = "open2", NameJa = "未確定省二", NameEn = "Uncommitted too" });
            await db.SaveChangesAsync();
            Assert.Equal(start, await version.CurrentAsync(CancellationToken.None)); // written, not committed
            await tx.CommitAsync();
        }
        var committed = await version.CurrentAsync(CancellationToken.None);
        Assert.Equal(start + 1, committed); // one row per writing transaction, however many statements it ran

        await using (var db = database.NewContext())
        {
            // The audit trail is not the registry: no cache depends on it.
            db.AuditEntries.Add(new AuditEntry { At = DateTimeOffset.UtcNow, Actor = "test", Action = AuditAction.SignedIn });
            await db.SaveChangesAsync();
        }
        await using (var other = TestDatabase.Create())
        await using (var db = other.NewContext())
        {
            // Another database on the same server (the server's transaction ids moved with these).
            await db.Database.MigrateAsync();
            db.Ministries.Add(new Ministry { Code = "elsewhere", NameJa = "他所省", NameEn = "Elsewhere" });
            await db.SaveChangesAsync();
        }
        Assert.Equal(committed, await version.CurrentAsync(CancellationToken.None));
    }

    [Fact]
    public async Task OnPostgres_EveryRegistryTableHasTheChangeTrigger()
    {
        if (!TestDatabase.IsPostgres)
        {
            return;
        }
        await using var db = database.NewContext();
        var triggered = await db.Database.SqlQueryRaw<string>(
            "SELECT c.relname AS \"Value\" FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE t.tgname = 'atlas_data_changed'").ToListAsync();
        var registry = SystemTables.RegistryParentsFirst(db.Model).Select(t => t.GetTableName()!).ToList();
        Assert.NotEmpty(registry);
        Assert.Empty(registry.Except(triggered, StringComparer.Ordinal));
        Assert.DoesNotContain("AuditEntries", triggered);
    }
}
