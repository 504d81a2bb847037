using ClusterAtlas.Data;
using Microsoft.Extensions.Configuration;

namespace ClusterAtlas.Cli.Commands;

public sealed record CommandContext(AtlasDbContext Db, CommandLine Args, TextWriter Out, TextWriter Error, IConfiguration Configuration);

/// <summary>One CLI command: the words that name it, its help and what it does.</summary>
public sealed record Command(string[] Words, string Help, Func<CommandContext, CancellationToken, Task<int>> RunAsync);

public static class CommandCatalog
{
    private static readonly Command[] Commands =
    [
        new(["db", "migrate"], "atlas db migrate\n  Creates the database or applies pending migrations (SQLite or PostgreSQL), and rebuilds a search index\n  written by an older version.", DbCommands.MigrateAsync),
        new(["db", "reindex"], "atlas db reindex\n  Rebuilds the search index from the registry (all-or-nothing, in one transaction).", DbCommands.ReindexAsync),
        new(["db", "seed"], "atlas db seed [--replace] [--data DIR]\n  Loads the curated dataset (data/) with its citations. Running it again changes nothing;\n  --replace reloads it over a database that holds other data. Exit 3 when the dataset has errors.", DbCommands.SeedAsync),
        new(["export"], TransferCommands.ExportHelp.TrimEnd(), TransferCommands.ExportAsync),
        new(["import"], TransferCommands.ImportHelp.TrimEnd(), TransferCommands.ImportAsync),
        new(["check"], CheckCommand.Help, CheckCommand.RunAsync),
        new(["users", "add"], AccountCommands.UsersAddHelp, AccountCommands.AddUserAsync),
        new(["users", "list"], AccountCommands.UsersListHelp, AccountCommands.ListUsersAsync),
        new(["tokens", "create"], AccountCommands.TokensCreateHelp, AccountCommands.CreateTokenAsync),
        new(["generate"], GenerateCommand.Help, GenerateCommand.RunAsync),
        new(["stats"], "atlas stats\n  Prints row counts per table and the loaded dataset version.", StatsCommand.RunAsync),
    ];

    public static Command? Find(IReadOnlyList<string> words) =>
        Commands.Where(c => words.Count >= c.Words.Length && c.Words.SequenceEqual(words.Take(c.Words.Length), StringComparer.Ordinal))
            .OrderByDescending(c => c.Words.Length).FirstOrDefault();
}
