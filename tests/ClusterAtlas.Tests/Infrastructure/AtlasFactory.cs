using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace ClusterAtlas.Tests.Infrastructure;

/// <summary>The web app on a private database, migrated and seeded with the curated dataset by its own start-up.</summary>
public class AtlasFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public TestDatabase Database { get; } = TestDatabase.Create();

    /// <summary>Configuration of the app under test. Rate limits are off by default (tests send hundreds of requests
    /// from one client); the rate-limit tests set their own.</summary>
    public Dictionary<string, string> Settings { get; } = new(StringComparer.Ordinal)
    {
        ["RateLimits:ApiPerMinute"] = "0",
        ["RateLimits:SignInPerMinute"] = "100000",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", Database.Options.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Atlas", Database.Options.ConnectionString);
        builder.UseSetting("Dataset:Path", RepositoryPaths.DataFolder);
        builder.UseEnvironment("Testing");
        // Tests change data and look at it at once: check the data version on every request (the default waits a second).
        builder.UseSetting("Caching:CheckSeconds", "0");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Database.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class SeededApiFixture : ICollectionFixture<AtlasFactory>
{
    public const string Name = "seeded api";
}
