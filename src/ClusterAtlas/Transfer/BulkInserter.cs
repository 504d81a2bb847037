using System.Data.Common;
using ClusterAtlas.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace ClusterAtlas.Transfer;

/// <summary>
/// Inserts many rows of one table fast, inside the context's current transaction, with raw ADO.NET instead of EF change
/// tracking: on SQLite one prepared, parameterised INSERT reused for every row; on PostgreSQL binary COPY. Values are
/// CLR values of the columns' properties; the EF type mappings turn them into what EF itself would store
/// (enums as their names, and so on), so EF reads the rows back exactly.
/// </summary>
internal abstract class BulkInserter : IAsyncDisposable
{
    protected BulkInserter(IReadOnlyList<IProperty> columns)
    {
        Converters = [.. columns.Select(c => c.GetTypeMapping().Converter)];
    }

    protected IReadOnlyList<Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter?> Converters { get; }

    public long Rows { get; private set; }

    public static async Task<BulkInserter> StartAsync(AtlasDbContext db, IEntityType table, IReadOnlyList<IProperty> columns, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk inserts run inside the import's transaction.");
        var sql = $"{TableOrder.Quote(table.GetTableName()!)} ({string.Join(", ", columns.Select(c => TableOrder.Quote(c.GetColumnName())))})";
        return connection switch
        {
            SqliteConnection sqlite => new Sqlite(sqlite, transaction, sql, columns),
            NpgsqlConnection npgsql => await Postgres.StartAsync(npgsql, sql, columns, ct),
            _ => throw new NotSupportedException($"No bulk insert for {connection.GetType().Name}."),
        };
    }

    /// <summary>Adds one row: a value per column, in the order the inserter was started with.</summary>
    public void Add(object?[] values)
    {
        AddRow(values);
        Rows++;
    }

    protected abstract void AddRow(object?[] values);

    /// <summary>Finishes the table (PostgreSQL sends the COPY's end here). Not calling it abandons the rows.</summary>
    public abstract Task CompleteAsync(CancellationToken ct);

    public abstract ValueTask DisposeAsync();

    protected object? ToProvider(int column, object? value) =>
        value is null ? null : Converters[column] is { } converter ? converter.ConvertToProvider(value) : value;

    private sealed class Sqlite : BulkInserter
    {
        private readonly SqliteCommand command;
        private readonly SqliteParameter[] parameters;

        public Sqlite(SqliteConnection connection, DbTransaction transaction, string target, IReadOnlyList<IProperty> columns) : base(columns)
        {
            command = connection.CreateCommand();
            command.Transaction = (SqliteTransaction)transaction;
            command.CommandText = $"INSERT INTO {target} VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)))})";
            parameters = [.. columns.Select((_, i) => command.Parameters.Add(new SqliteParameter("$p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), null)))];
            command.Prepare();
        }

        protected override void AddRow(object?[] values)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = ToProvider(i, values[i]) ?? DBNull.Value;
            }
            command.ExecuteNonQuery();
        }

        public override Task CompleteAsync(CancellationToken ct) => Task.CompletedTask;

        public override ValueTask DisposeAsync() => command.DisposeAsync();
    }

    private sealed class Postgres : BulkInserter
    {
        private readonly NpgsqlBinaryImporter importer;
        private readonly NpgsqlTypes.NpgsqlDbType[] types;

        private Postgres(NpgsqlBinaryImporter importer, IReadOnlyList<IProperty> columns) : base(columns)
        {
            this.importer = importer;
            types = [.. columns.Select(c => DbTypeOf(c.GetTypeMapping().Converter?.ProviderClrType ?? c.ClrType))];
        }

        public static async Task<BulkInserter> StartAsync(NpgsqlConnection connection, string target, IReadOnlyList<IProperty> columns, CancellationToken ct) =>
            new Postgres(await BeginAsync(connection, $"COPY {target} FROM STDIN (FORMAT BINARY)", ct), columns);

        /// <summary>
        /// COPY's completion waits while the server writes every row (a minute for ten million on a busy machine); the
        /// connection's command timeout (30 s) would abort it, so the importer waits as long as it takes (zero = no limit).
        /// </summary>
        private static async Task<NpgsqlBinaryImporter> BeginAsync(NpgsqlConnection connection, string copy, CancellationToken ct)
        {
            var importer = await connection.BeginBinaryImportAsync(copy, ct);
            importer.Timeout = TimeSpan.Zero;
            return importer;
        }

        protected override void AddRow(object?[] values)
        {
            importer.StartRow();
            for (var i = 0; i < types.Length; i++)
            {
                var value = ToProvider(i, values[i]);
                if (value is null)
                {
                    importer.WriteNull();
                }
                else
                {
                    // timestamptz takes UTC only; the instant is the same.
                    importer.Write(value is DateTimeOffset t ? t.ToUniversalTime() : value, types[i]);
                }
            }
        }

        public override async Task CompleteAsync(CancellationToken ct) => await importer.CompleteAsync(ct);

        public override ValueTask DisposeAsync() => importer.DisposeAsync();

        private static NpgsqlTypes.NpgsqlDbType DbTypeOf(Type type)
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            return type == typeof(int) ? NpgsqlTypes.NpgsqlDbType.Integer
                : type == typeof(long) ? NpgsqlTypes.NpgsqlDbType.Bigint
                : type == typeof(string) ? NpgsqlTypes.NpgsqlDbType.Text
                : type == typeof(decimal) ? NpgsqlTypes.NpgsqlDbType.Numeric
                : type == typeof(double) ? NpgsqlTypes.NpgsqlDbType.Double
                : type == typeof(bool) ? NpgsqlTypes.NpgsqlDbType.Boolean
                : type == typeof(DateOnly) ? NpgsqlTypes.NpgsqlDbType.Date
                : type == typeof(DateTimeOffset) ? NpgsqlTypes.NpgsqlDbType.TimestampTz
                : throw new NotSupportedException($"No COPY type for {type.Name}.");
        }
    }
}
