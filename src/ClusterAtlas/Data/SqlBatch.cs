using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace ClusterAtlas.Data;

/// <summary>
/// Statements that share parameters, sent as one command on the context's connection (inside its transaction, if any),
/// for hot reads where EF's raw-SQL queries cost more than the query: at national scale each SqlQueryRaw added about
/// 1 ms to a search whose index work took 0.5 ms, and a thousand ids read row by row another.
/// </summary>
internal static partial class SqlBatch
{
    /// <summary>
    /// Runs <paramref name="statements"/> (parameters written {0}, {1} … as for EF's raw SQL) and hands every row to
    /// <paramref name="row"/> with the index of the statement it came from.
    /// </summary>
    public static async Task ReadAsync(AtlasDbContext db, IReadOnlyList<string> statements, IReadOnlyList<object> parameters,
        Action<int, DbDataReader> row, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
#pragma warning disable CA2100 // Callers pass fixed SQL fragments and numbers; every user value is a parameter.
            command.CommandText = string.Join(";\n", statements.Select(s => Placeholder().Replace(s, m => "@p" + m.Groups[1].Value)));
#pragma warning restore CA2100
            for (var i = 0; i < parameters.Count; i++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
                parameter.Value = parameters[i];
                command.Parameters.Add(parameter);
            }
            foreach (var observer in db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors?.OfType<ISqlBatchObserver>() ?? [])
            {
                observer.Executing(command);
            }
            await using var reader = await command.ExecuteReaderAsync(ct);
            var statement = 0;
            do
            {
                while (await reader.ReadAsync(ct))
                {
                    row(statement, reader);
                }
                statement++;
            }
            while (await reader.NextResultAsync(ct));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Ids written into SQL as a list of numbers ("3, 17, 42") for an IN (…): integers only, so nothing a user typed;
    /// a thousand ids as as many parameters took SQLite 13 ms to parse and bind, an array parameter 4 ms.
    /// </summary>
    public static string Numbers(IEnumerable<int> ids) => string.Join(", ", ids.Select(id => id.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The integers of a comma-separated list as SQLite's group_concat writes it ("3,17,42").</summary>
    public static List<int> ParseNumbers(string list)
    {
        var result = new List<int>(list.Length / 4);
        foreach (var range in list.AsSpan().Split(','))
        {
            result.Add(int.Parse(list.AsSpan(range), NumberStyles.None, CultureInfo.InvariantCulture));
        }
        return result;
    }

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex Placeholder();
}

/// <summary>
/// An EF interceptor of the context that also wants to see <see cref="SqlBatch"/>'s commands, which do not go through EF
/// (the command-budget tests count them with EF's own).
/// </summary>
public interface ISqlBatchObserver
{
    void Executing(DbCommand command);
}
