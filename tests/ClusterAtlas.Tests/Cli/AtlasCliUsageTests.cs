using ClusterAtlas.Cli;
using Xunit;

namespace ClusterAtlas.Tests.Cli;

[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes the session through IAsyncLifetime.DisposeAsync.")]
public sealed class AtlasCliUsageTests : IAsyncLifetime
{
    private readonly CliSession cli = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await cli.DisposeAsync();

    [Fact]
    public async Task Help_NoCommand_PrintsUsageAndExitsZero()
    {
        var result = await CliSession.RunRawAsync("--help");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Equal(AtlasCli.Usage, result.Out.TrimEnd('\r', '\n'));
        Assert.Empty(result.Err);
        // The usage lists every command a script can call.
        foreach (var command in new[] { "db migrate", "db seed", "export --format json|csv|tsv|xlsx --out DIR [--encoding utf-8|shift_jis]", "import DIR [--dry-run]", "import FILE [--table NAME]", "stats" })
        {
            Assert.Contains(command, result.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Run_NoArguments_PrintsUsageToStderrAndExitsTwo()
    {
        var result = await CliSession.RunRawAsync();

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Empty(result.Out);
        Assert.Contains("Usage: atlas", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_ExportCommand_PrintsExportHelpOnly()
    {
        var result = await CliSession.RunRawAsync("export", "--help");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.StartsWith("atlas export --format json|csv|tsv|xlsx --out DIR [--encoding utf-8|shift_jis]", result.Out, StringComparison.Ordinal);
        Assert.Contains("manifest.json", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Usage: atlas", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("atlas import", result.Out, StringComparison.Ordinal);
        Assert.Empty(result.Err);
    }

    [Fact]
    public async Task Help_ShortFlagOnImport_PrintsImportHelp()
    {
        var result = await CliSession.RunRawAsync("import", "-h");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.StartsWith("atlas import DIR [--dry-run]", result.Out, StringComparison.Ordinal);
        Assert.Contains("atlas import FILE [--table NAME] [--encoding utf-8|shift_jis] [--dry-run]", result.Out, StringComparison.Ordinal);
        Assert.Contains("from the file are kept (never deleted)", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_UnknownCommand_ExitsTwoAndNamesIt()
    {
        var result = await cli.RunAsync("frobnicate", "now");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("Unknown command 'frobnicate now'", result.Err, StringComparison.Ordinal);
        Assert.Contains("Usage: atlas", result.Err, StringComparison.Ordinal);
        Assert.Empty(result.Out);
    }

    [Fact]
    public async Task Run_DbWithoutSubcommand_ExitsTwo()
    {
        var result = await cli.RunAsync("db");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("Unknown command 'db'", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_WithoutFormat_ExitsTwoAndWritesNothing()
    {
        var folder = cli.NewFolder();

        var result = await cli.RunAsync("export", "--out", folder);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("usage: atlas export --format json|csv|tsv|xlsx --out DIR", result.Err, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(folder));
    }

    [Fact]
    public async Task Export_UnknownFormat_ExitsTwo()
    {
        var folder = cli.NewFolder();

        var result = await cli.RunAsync("export", "--format", "xml", "--out", folder);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Empty(Directory.GetFileSystemEntries(folder));
    }

    [Fact]
    public async Task Run_OptionWithoutValue_ExitsTwoAndNamesTheOption()
    {
        var result = await CliSession.RunRawAsync("export", "--format");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--format needs a value.", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_UnknownProvider_ExitsTwoAndNamesTheProvider()
    {
        var result = await CliSession.RunRawAsync("--provider", "Oracle", "--connection", "Data Source=x.db", "stats");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("'Oracle'", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_WithoutPath_ExitsTwo()
    {
        var result = await cli.RunAsync("import");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("usage:\natlas import DIR", result.Err, StringComparison.Ordinal);
    }
}
