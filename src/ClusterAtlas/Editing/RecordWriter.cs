using ClusterAtlas.Data;
using ClusterAtlas.Transfer;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ClusterAtlas.Editing;

/// <summary>Reads and writes registry records generically, column by column, in the text forms of the dumps.</summary>
public static class RecordWriter
{
    public static async Task<object?> FindAsync(AtlasDbContext db, IEntityType type, string key, CancellationToken ct)
    {
        var value = EditableTables.ParseKey(type, key);
        return value is null ? null : await db.FindAsync(type.ClrType, [value], ct);
    }

    /// <summary>Sets the given columns on <paramref name="entity"/>; returns "column: reason" for each value that does not
    /// parse, names no column, or tries to change the primary key.</summary>
    public static List<string> Apply(IEntityType type, object entity, IReadOnlyDictionary<string, string?> values)
    {
        var errors = new List<string>();
        var columns = TransferTables.Columns(type).ToDictionary(c => c.Name, StringComparer.Ordinal);
        foreach (var (name, text) in values)
        {
            if (!columns.TryGetValue(name, out var property))
            {
                errors.Add($"{name}: no such column in {type.GetTableName()}");
                continue;
            }
            if (property.IsPrimaryKey())
            {
                var current = TransferTables.ToText(property.PropertyInfo!.GetValue(entity));
                if (!string.Equals(current, text, StringComparison.Ordinal) && !(current == "0" && text is null))
                {
                    errors.Add($"{name}: the key of a record cannot change");
                }
                continue;
            }
            var problem = TransferTables.TryParse(property, string.IsNullOrEmpty(text) && property.IsNullable ? null : text, out var value);
            if (problem is not null)
            {
                errors.Add($"{name}: {problem}");
                continue;
            }
            property.PropertyInfo!.SetValue(entity, value);
        }
        return errors;
    }

    /// <summary>Required values that are missing and references to rows that do not exist.</summary>
    public static async Task<List<string>> CheckAsync(AtlasDbContext db, IEntityType type, object entity, CancellationToken ct)
    {
        var errors = new List<string>();
        foreach (var property in TransferTables.Columns(type).Where(p => !p.IsNullable && !p.IsPrimaryKey() && p.ClrType == typeof(string)))
        {
            if (property.PropertyInfo!.GetValue(entity) is null)
            {
                errors.Add($"{property.Name}: a value is required");
            }
        }
        foreach (var fk in type.GetForeignKeys())
        {
            var property = fk.Properties[0];
            var value = property.PropertyInfo?.GetValue(entity);
            if (value is null)
            {
                continue;
            }
            if (await db.FindAsync(fk.PrincipalEntityType.ClrType, [value], ct) is null)
            {
                errors.Add($"{property.Name}: no {fk.PrincipalEntityType.GetTableName()} row with key {value}");
            }
        }
        return errors;
    }

    public static object NewInstance(IEntityType type) => Activator.CreateInstance(type.ClrType)!;

    /// <summary>A detached copy with the same column values (to compute "after" without touching the tracked record).</summary>
    public static object Copy(IEntityType type, object entity)
    {
        var copy = NewInstance(type);
        foreach (var column in TransferTables.Columns(type))
        {
            column.PropertyInfo!.SetValue(copy, column.PropertyInfo.GetValue(entity));
        }
        return copy;
    }
}
