using ClusterAtlas.Cli;
using ClusterAtlas.Tests.Cli;
using ClusterAtlas.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace ClusterAtlas.Tests.Scale;

/// <summary>
/// A registry shaped like the national one at a small size: `atlas generate --projects 3000` imported with the real
/// `atlas import`, so each of its 10 regions has about 300 projects, 600 roles and 3,000 indicator values (as at 1M),
/// served by the web app. Shared by the tests of one class.
/// </summary>
public sealed class GeneratedRegistry : IAsyncLifetime
{
    public const int Projects = 3_000;

    public CliSession Cli { get; } = new();

    public WebApplicationFactory<Program> Web { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var dump = Cli.NewFolder();
        var generate = await CliSession.RunRawAsync("generate", "--projects", Projects.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", dump);
        Assert.True(generate.ExitCode == ExitCodes.Ok, generate.ToString());
        var import = await Cli.RunAsync("import", dump);
        Assert.True(import.ExitCode == ExitCodes.Ok, import.ToString());
        Web = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Database:Provider", Cli.Database.Options.Provider.ToString());
            b.UseSetting("ConnectionStrings:Atlas", Cli.Database.Options.ConnectionString);
            b.UseSetting("Dataset:Path", RepositoryPaths.DataFolder);
            b.UseSetting("Caching:CheckSeconds", "0");
            b.UseEnvironment("Testing");
        });
    }

    public async Task DisposeAsync()
    {
        await Web.DisposeAsync();
        await Cli.DisposeAsync();
    }
}
