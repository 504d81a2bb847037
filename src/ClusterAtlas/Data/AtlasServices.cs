using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterAtlas.Data;

public static class AtlasServices
{
    /// <summary>
    /// Reads Database:Provider (Sqlite | Postgres) and ConnectionStrings:Atlas. Without a connection string the
    /// SQLite database is a file in <paramref name="defaultDataFolder"/>, so a fresh clone runs with no set-up.
    /// </summary>
    public static DatabaseOptions ReadDatabaseOptions(IConfiguration configuration, string defaultDataFolder)
    {
        var providerText = configuration["Database:Provider"];
        DatabaseProvider provider;
        if (string.IsNullOrWhiteSpace(providerText))
        {
            provider = DatabaseProvider.Sqlite;
        }
        else if (!Enum.TryParse(providerText, ignoreCase: true, out provider))
        {
            throw new InvalidOperationException(
                $"Database:Provider is '{providerText}'; expected 'Sqlite' or 'Postgres'.");
        }

        var connection = configuration.GetConnectionString("Atlas");
        if (string.IsNullOrWhiteSpace(connection))
        {
            if (provider == DatabaseProvider.Postgres)
            {
                throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Atlas is not set.");
            }
            Directory.CreateDirectory(defaultDataFolder);
            connection = $"Data Source={Path.Combine(defaultDataFolder, "atlas.db")}";
        }
        return new DatabaseOptions(provider, connection);
    }

    public static void Configure(DbContextOptionsBuilder builder, DatabaseOptions options)
    {
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                builder.UseSqlite(options.ConnectionString, o => o.MigrationsAssembly(DatabaseOptions.SqliteMigrationsAssembly));
                break;
            case DatabaseProvider.Postgres:
                builder.UseNpgsql(options.ConnectionString, o => o.MigrationsAssembly(DatabaseOptions.PostgresMigrationsAssembly));
                break;
            default:
                throw new InvalidOperationException($"Unknown provider {options.Provider}.");
        }
    }

    public static IServiceCollection AddAtlas(this IServiceCollection services, DatabaseOptions options)
    {
        services.AddSingleton(options);
        services.AddDbContext<AtlasDbContext>(b => Configure(b, options));
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
