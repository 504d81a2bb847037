namespace ClusterAtlas.Data;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>Configuration section "Database" plus the connection string "Atlas".</summary>
public sealed record DatabaseOptions(DatabaseProvider Provider, string ConnectionString)
{
    public const string SqliteMigrationsAssembly = "ClusterAtlas.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "ClusterAtlas.Migrations.Postgres";
}
