using System.Text.Json;
using ClusterAtlas.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterAtlas.Cli.Commands;

/// <summary>atlas users add|list and atlas tokens create: account management for operators on the server.</summary>
internal static class AccountCommands
{
    public const string UsersAddHelp = "atlas users add EMAIL --role editor|reviewer|admin [--region ID|CODE]... [--organisation ID|CODE]... [--password-stdin]\n" +
        "  Creates an account. --region/--organisation limit an editor to those records. Without --password-stdin a\n  password is generated and printed once.";
    public const string UsersListHelp = "atlas users list [--format text|json]\n  Lists accounts with roles, scopes, lock-out and active tokens.";
    public const string TokensCreateHelp = "atlas tokens create EMAIL [--name NAME] [--expires-days N]\n  Creates a personal API token for the account and prints it once (only its hash is stored).";

    public static async Task<int> AddUserAsync(CommandContext c, CancellationToken ct)
    {
        if (c.Args.Words.Count != 3 || c.Args.Value("role") is not { } role)
        {
            await c.Error.WriteLineAsync("usage: " + UsersAddHelp);
            return ExitCodes.Usage;
        }
        string? password = null;
        if (c.Args.Has("password-stdin"))
        {
            password = (await Console.In.ReadLineAsync(ct))?.TrimEnd('\r', '\n');
        }
        await using var services = Services(c);
        var admin = services.GetRequiredService<UserAdmin>();
        var result = await admin.AddAsync(c.Args.Words[2], role, c.Args.Values("region"), c.Args.Values("organisation"), password, Operator, "cli", ct);
        if (!result.Created)
        {
            foreach (var e in result.Errors)
            {
                await c.Error.WriteLineAsync($"error: {e}");
            }
            return ExitCodes.InvalidInput;
        }
        await c.Out.WriteLineAsync($"created {c.Args.Words[2]} ({AtlasRoles.Parse(role)})");
        if (password is null)
        {
            await c.Out.WriteLineAsync($"password: {result.Password}");
            await c.Out.WriteLineAsync("(shown once; the user can change it after signing in)");
        }
        return ExitCodes.Ok;
    }

    public static async Task<int> ListUsersAsync(CommandContext c, CancellationToken ct)
    {
        await using var services = Services(c);
        var users = await services.GetRequiredService<UserAdmin>().ListAsync(ct);
        if (c.Args.Value("format") == "json")
        {
            await c.Out.WriteLineAsync(JsonSerializer.Serialize(users, Json));
            return ExitCodes.Ok;
        }
        await c.Out.WriteLineAsync($"{"email",-36}{"roles",-18}{"scope",-30}{"locked",-8}tokens");
        foreach (var u in users)
        {
            var scope = u.Regions.Count + u.Organisations.Count == 0 ? "all" : string.Join(",", u.Regions.Concat(u.Organisations));
            await c.Out.WriteLineAsync($"{u.Email,-36}{string.Join(",", u.Roles),-18}{scope,-30}{(u.LockedOut ? "yes" : "no"),-8}{u.ActiveTokens}");
        }
        return ExitCodes.Ok;
    }

    public static async Task<int> CreateTokenAsync(CommandContext c, CancellationToken ct)
    {
        if (c.Args.Words.Count != 3)
        {
            await c.Error.WriteLineAsync("usage: " + TokensCreateHelp);
            return ExitCodes.Usage;
        }
        int? days = null;
        if (c.Args.Value("expires-days") is { } text)
        {
            if (!int.TryParse(text, out var d) || d is < 1 or > 3660)
            {
                await c.Error.WriteLineAsync("error: --expires-days is a whole number of days (1–3660)");
                return ExitCodes.Usage;
            }
            days = d;
        }
        var email = c.Args.Words[2];
        var normalized = email.Trim().ToUpperInvariant(); // Identity's normalised form
        var user = await c.Db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, ct);
        if (user is null)
        {
            await c.Error.WriteLineAsync($"error: no account {email}");
            return ExitCodes.InvalidInput;
        }
        await using var services = Services(c);
        var (token, info) = await services.GetRequiredService<ApiTokens>().CreateAsync(user, c.Args.Value("name") ?? "cli", days is { } n ? TimeSpan.FromDays(n) : null, "cli", ct);
        await c.Out.WriteLineAsync(token);
        await c.Error.WriteLineAsync($"token {info.Id} \"{info.Name}\" for {email}" + (info.ExpiresAt is { } e ? $", expires {e:yyyy-MM-dd}" : ", no expiry") + "; shown once");
        return ExitCodes.Ok;
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private static string Operator => "cli:" + Environment.UserName;

    /// <summary>Identity's user and role managers over the command's own database context.</summary>
    private static ServiceProvider Services(CommandContext c)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(c.Db); // not disposed by the provider: the command owns it
        services.AddAtlasAccountsCore();
        return services.BuildServiceProvider();
    }
}
