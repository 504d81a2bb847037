using System.Linq.Expressions;
using System.Text;
using ClusterAtlas.Transfer;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ClusterAtlas.Generation;

/// <summary>
/// Writes one table of a CSV dump exactly as `atlas export --format csv` does (same columns, order, cell encoding and
/// line ends, through <see cref="TransferTables"/> and <see cref="DelimitedWriter"/>), streaming rows to disk and hashing on
/// the way, so `atlas import` reads the result like any export.
/// </summary>
internal static class DumpTableWriter
{
    public static ManifestFile Write(IEntityType table, IEnumerable<object> rows, string folder, CancellationToken ct)
    {
        var columns = TransferTables.Columns(table);
        var getters = columns.Select(c => Getter(table.ClrType, c.PropertyInfo!)).ToArray();
        var file = TransferTables.FileName(table, "csv");
        var count = 0;
        string sha256;
        using (var hashing = new HashingStream(new FileStream(Path.Combine(folder, file), FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16)))
        {
            using (var writer = new StreamWriter(hashing, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" })
            {
                var csv = new DelimitedWriter(writer, ',', quoteAll: true);
                csv.WriteRecord(columns.Select(c => c.Name).ToList());
                var cells = new string?[getters.Length];
                foreach (var row in rows)
                {
                    for (var i = 0; i < getters.Length; i++)
                    {
                        cells[i] = TransferTables.ToText(getters[i](row));
                    }
                    csv.WriteRecord(cells);
                    if (++count % 65_536 == 0)
                    {
                        ct.ThrowIfCancellationRequested();
                    }
                }
            }
            sha256 = hashing.FinishHash();
        }
        return new ManifestFile(table.GetTableName()!, file, count, sha256);
    }

    /// <summary>A compiled property read (reflection per cell would dominate the time for ten million rows).</summary>
    private static Func<object, object?> Getter(Type type, System.Reflection.PropertyInfo property)
    {
        var entity = Expression.Parameter(typeof(object), "entity");
        var read = Expression.Property(Expression.Convert(entity, type), property);
        return Expression.Lambda<Func<object, object?>>(Expression.Convert(read, typeof(object)), entity).Compile();
    }
}
