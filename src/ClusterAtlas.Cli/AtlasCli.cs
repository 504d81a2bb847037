using ClusterAtlas.Cli.Commands;
using ClusterAtlas.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace ClusterAtlas.Cli;

/// <summary>The `atlas` command: a thin host that parses arguments and calls the application's use cases.</summary>
public static class AtlasCli
{
    public const string Usage = """
        atlas — ClusterAtlas command line

        Usage: atlas [--provider Sqlite|Postgres] [--connection CONNSTRING] <command> [options]

        Commands:
          db migrate                    create or upgrade the database schema
          db seed [--replace] [--data DIR]
                                        load the curated dataset (idempotent; --replace reloads over other data)
          export --format json|csv|tsv|xlsx --out DIR [--encoding utf-8|shift_jis]
                                        write every table plus manifest.json (format, row counts, SHA-256)
          import DIR [--dry-run]        replace the database content with a dump written by export;
                                        all-or-nothing, every error reported as file:line:column: reason
          import FILE [--table NAME] [--encoding utf-8|shift_jis] [--dry-run]
                                        add and update one table's rows from a .csv/.tsv/.xlsx/.json file
                                        (matched by Code, else Id; audited; absent rows are kept)
          users add EMAIL --role editor|reviewer|admin [--region ID]... [--organisation ID]...
                                        create an account (the generated password is printed once)
          users list [--format text|json]
                                        accounts with roles, scopes, lock-out and tokens
          tokens create EMAIL [--name NAME] [--expires-days N]
                                        create a personal API token (printed once; stored hashed)
          stats                         row counts per table and the dataset version
          generate --projects N [--seed S] [--out DIR]
                                        write a deterministic synthetic registry of N projects as a CSV dump
          check [--format text|json]    budget data-quality report: derived cells with their equations,
                                        inconsistencies with hypotheses (exit 4 when published figures contradict)

        Configuration: Database__Provider and ConnectionStrings__Atlas (environment), or the options above.
        Default: SQLite file ./App_Data/atlas.db. Exit codes: 0 ok, 1 failure, 2 usage, 3 invalid input, 4 inconsistent data (atlas check).
        `atlas <command> --help` describes a command.
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var parsed = CommandLine.Parse(args);
        if (parsed.Error is not null)
        {
            await error.WriteLineAsync(parsed.Error + "\n\n" + Usage);
            return ExitCodes.Usage;
        }
        if (parsed.Words.Count == 0 || (parsed.Has("help") && parsed.Words.Count == 0))
        {
            await (parsed.Has("help") ? output : error).WriteLineAsync(Usage);
            return parsed.Has("help") ? ExitCodes.Ok : ExitCodes.Usage;
        }
        var command = CommandCatalog.Find(parsed.Words);
        if (command is null)
        {
            await error.WriteLineAsync($"Unknown command '{string.Join(' ', parsed.Words)}'.\n\n{Usage}");
            return ExitCodes.Usage;
        }
        if (parsed.Has("help"))
        {
            await output.WriteLineAsync(command.Help);
            return ExitCodes.Ok;
        }
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        DatabaseOptions database;
        try
        {
            database = Options(configuration, parsed);
        }
        catch (InvalidOperationException e)
        {
            await error.WriteLineAsync(e.Message);
            return ExitCodes.Usage;
        }
        var builder = new DbContextOptionsBuilder<AtlasDbContext>();
        AtlasServices.Configure(builder, database);
        await using var db = new AtlasDbContext(builder.Options);
        // An operator's command may run for minutes at national scale (one COPY or CREATE INDEX over millions of rows);
        // the 30-second default would abort it half-way (rolled back, but wasted). Ctrl-C still cancels.
        db.Database.SetCommandTimeout(0);
        try
        {
            return await command.RunAsync(new CommandContext(db, parsed, output, error, configuration), ct);
        }
        catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException or IOException or UnauthorizedAccessException
            || (e is InvalidOperationException && e.InnerException is System.Data.Common.DbException))
        {
            await error.WriteLineAsync($"error: {e.GetBaseException().Message}");
            return ExitCodes.Failure;
        }
    }

    private static DatabaseOptions Options(IConfiguration configuration, CommandLine parsed)
    {
        var overrides = new Dictionary<string, string?>();
        if (parsed.Value("provider") is { } provider)
        {
            overrides["Database:Provider"] = provider;
        }
        if (parsed.Value("connection") is { } connection)
        {
            overrides["ConnectionStrings:Atlas"] = connection;
        }
        var merged = new ConfigurationBuilder().AddConfiguration(configuration).AddInMemoryCollection(overrides).Build();
        return AtlasServices.ReadDatabaseOptions(merged, Path.Combine(Directory.GetCurrentDirectory(), "App_Data"));
    }
}
