using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ClusterAtlas.BrowserTests.Infrastructure;

/// <summary>
/// The portal on a private SQLite file, migrated and seeded with the curated dataset by its own start-up, listening on
/// a real loopback port (<see cref="WebApplicationFactory{TEntryPoint}.UseKestrel(int)"/>) so that a browser can reach it.
/// </summary>
public sealed class PortalFactory : WebApplicationFactory<Program>
{
    private readonly string databaseFile = Path.Combine(Path.GetTempPath(), $"atlas-browser-{Guid.NewGuid():N}.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Atlas", $"Data Source={databaseFile};Pooling=False");
        builder.UseSetting("Dataset:Path", RepositoryPaths.DataFolder);
        builder.UseEnvironment("Testing");
    }

    /// <summary>Starts Kestrel on a free port and returns the base address (http://127.0.0.1:port/).</summary>
    public Uri Start()
    {
        UseKestrel(0);
        StartServer();
        return ClientOptions.BaseAddress;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var file in new[] { databaseFile, databaseFile + "-wal", databaseFile + "-shm" })
        {
            File.Delete(file);
        }
    }
}
