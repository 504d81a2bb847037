using ClusterAtlas.Audit;
using ClusterAtlas.Data;
using ClusterAtlas.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ClusterAtlas.Transfer;

/// <summary>One row's values against the stored row: reading, checks and the change itself.</summary>
internal sealed partial class TableUpsert<T>
{
    private sealed record Applied(T Entity, string? Before, bool IsNew, bool Changed);

    /// <summary>Reads the row's cells, checks them and applies them to the stored entity (or a new one); null when the
    /// row has errors (all of them reported).</summary>
    private Applied? Apply(TableRecord record, object? rowKey, HashSet<int>? bad, T? entity, List<UpsertColumn> mapped, IReadOnlySet<object> takenIds)
    {
        var before = rowErrors;
        var isNew = entity is null;
        var values = ReadValues(record, bad, entity, mapped);
        if (key == id && rowKey is not null)
        {
            values[id] = rowKey;
        }
        if (key != id && values.TryGetValue(id, out var givenId))
        {
            CheckGivenId(record, mapped, entity, givenId, takenIds);
            if (!isNew || givenId is null)
            {
                values.Remove(id); // Ids never change; a new row without one gets the next.
            }
        }
        if (isNew)
        {
            foreach (var column in columns.Where(c => !c.IsPrimaryKey() && !c.IsNullable && (c.ClrType == typeof(string) || c.IsForeignKey()) && !mapped.Any(m => m.Property == c)))
            {
                Report(record.Line, $"{file}:{record.Line}:{column.Name}: a value is required for a new row (the file has no {column.Name})");
            }
        }
        CheckReferences(record, mapped, values);
        if (rowErrors > before)
        {
            return null;
        }
        var target = entity ?? Activator.CreateInstance<T>();
        var snapshot = isNew ? null : RecordSnapshot.Of(table, target);
        var changed = false;
        foreach (var (property, value) in values)
        {
            var info = property.PropertyInfo!;
            if (isNew || !Equals(info.GetValue(target), value))
            {
                info.SetValue(target, value);
                changed = true;
            }
        }
        if (values.TryGetValue(id, out var newId) && newId is not null)
        {
            fileIds.Add(newId);
        }
        else if (!isNew)
        {
            fileIds.Add(id.PropertyInfo!.GetValue(target)!);
        }
        if (isNew)
        {
            inserted++;
        }
        else if (changed)
        {
            updated++;
        }
        else
        {
            unchanged++;
        }
        return new Applied(target, snapshot, isNew, changed && !isNew);
    }

    /// <summary>The row's cells as values of their columns (cells a JSON record lacks are left out, so they keep their
    /// stored value); 約 sets the table's Approximate flag where it has one and is an error where it has not.</summary>
    private Dictionary<IProperty, object?> ReadValues(TableRecord record, HashSet<int>? bad, T? entity, List<UpsertColumn> mapped)
    {
        var values = new Dictionary<IProperty, object?>();
        var rowUnit = unitColumn is null ? null
            : mapped.FirstOrDefault(m => m.Property == unitColumn) is { } u && !ReferenceEquals(record.Cells[u.Index], TableRecord.Absent)
                ? record.Cells[u.Index]
                : entity is null ? null : (string?)unitColumn.PropertyInfo!.GetValue(entity);
        UpsertColumn? approximateCell = null;
        foreach (var column in mapped)
        {
            var text = record.Cells[column.Index];
            if (ReferenceEquals(text, TableRecord.Absent) || bad?.Contains(column.Index) == true || (column.Property == id && key == id))
            {
                continue; // The Id of a table matched by Id is the row's key, read already.
            }
            var stored = UpsertHeader.StoredUnit(column.Property)
                ?? (unitColumn is not null && TransferTables.KindOf(column.Property) == ColumnKind.Number ? rowUnit : null);
            var cell = JapaneseCells.Parse(column.Property, text, column.Unit, stored);
            if (cell.Error is not null)
            {
                Report(record.Line, $"{file}:{record.Line}:{column.Header}: {cell.Error}");
                continue;
            }
            if (cell.Approximate)
            {
                approximateCell = column;
            }
            values[column.Property] = cell.Value;
        }
        if (approximateCell is not null)
        {
            if (approximateFlag is null)
            {
                Report(record.Line, $"{file}:{record.Line}:{approximateCell.Header}: 約 (approximate) is accepted only where the table has an Approximate column; {table.GetTableName()} has none");
            }
            else if (values.TryGetValue(approximateFlag, out var flag) && flag is false)
            {
                Report(record.Line, $"{file}:{record.Line}:{approximateCell.Header}: the value says 約 (approximate) but the row's Approximate is false");
            }
            else
            {
                values[approximateFlag] = true;
            }
        }
        return values;
    }

    /// <summary>Tables matched by Code may carry their Id: it must be the stored one, or free for a new row.</summary>
    private void CheckGivenId(TableRecord record, List<UpsertColumn> mapped, T? entity, object? givenId, IReadOnlySet<object> takenIds)
    {
        if (givenId is null)
        {
            return;
        }
        var header = mapped.First(m => m.Property == id).Header;
        var text = TransferTables.ToText(givenId);
        if (entity is not null && !Equals(id.PropertyInfo!.GetValue(entity), givenId))
        {
            Report(record.Line, $"{file}:{record.Line}:{header}: {text} is not the stored Id ({TransferTables.ToText(id.PropertyInfo!.GetValue(entity))}) of this {key.Name}; Ids do not change");
        }
        else if (entity is null && (takenIds.Contains(givenId) || fileIds.Contains(givenId)))
        {
            Report(record.Line, $"{file}:{record.Line}:{header}: Id {text} already belongs to another row");
        }
        else if (entity is null && SearchEntryIds.RecordIdProblem(typeof(T), givenId) is { } idProblem)
        {
            // A searchable record's id goes into its search entry's id band.
            Report(record.Line, $"{file}:{record.Line}:{header}: Id {idProblem}");
        }
    }

    private void CheckReferences(TableRecord record, List<UpsertColumn> mapped, Dictionary<IProperty, object?> values)
    {
        foreach (var (property, principal) in references)
        {
            if (!values.TryGetValue(property, out var value) || value is null)
            {
                continue;
            }
            var header = mapped.FirstOrDefault(m => m.Property == property)?.Header ?? property.Name;
            if (principalKeys[principal].Contains(value) || (principal == table && fileIds.Contains(value)))
            {
                continue;
            }
            if (principal == table)
            {
                pendingSelfReferences.Add((value, record.Line, header)); // A row further down may be the target.
            }
            else
            {
                Report(record.Line, $"{file}:{record.Line}:{header}: no {principal.GetTableName()} row with key {TransferTables.ToText(value)}");
            }
        }
    }

    /// <summary>The stored rows with these keys (tracked when they are to be written).</summary>
    private async Task<Dictionary<object, T>> LoadAsync(IProperty by, List<object> keys, bool tracking, CancellationToken ct)
    {
        if (keys.Count == 0)
        {
            return [];
        }
        var set = tracking ? db.Set<T>().AsTracking() : db.Set<T>().AsNoTracking();
        var name = by.Name;
        List<T> found;
        if (by.ClrType == typeof(string))
        {
            var texts = keys.OfType<string>().ToList();
            found = await set.Where(e => texts.Contains(EF.Property<string>(e, name))).ToListAsync(ct);
        }
        else
        {
            var numbers = keys.OfType<int>().ToList();
            found = await set.Where(e => numbers.Contains(EF.Property<int>(e, name))).ToListAsync(ct);
        }
        return found.ToDictionary(e => by.PropertyInfo!.GetValue(e)!);
    }

    /// <summary>Ids the file gives to new rows that other stored rows already have (tables matched by Code).</summary>
    private async Task<IReadOnlySet<object>> TakenIdsAsync(List<(TableRecord Record, object? Key, HashSet<int>? Bad)> rows,
        List<UpsertColumn> mapped, Dictionary<object, T> existing, CancellationToken ct)
    {
        var idColumn = mapped.FirstOrDefault(m => m.Property == id);
        if (idColumn is null)
        {
            return new HashSet<object>();
        }
        var given = rows.Where(r => r.Key is null || !existing.ContainsKey(r.Key))
            .Select(r => JapaneseCells.Parse(id, r.Record.Cells[idColumn.Index], null, null).Value).OfType<object>().ToList();
        return (await LoadAsync(id, given, false, ct)).Keys.ToHashSet();
    }

    /// <summary>Keys of every table this one refers to, read once (keys only, not rows).</summary>
    private async Task LoadPrincipalKeysAsync(CancellationToken ct)
    {
        foreach (var principal in references.Select(r => r.Principal).Distinct())
        {
            if (principalKeys.ContainsKey(principal))
            {
                continue;
            }
            var keys = new KeySet();
            var pk = principal.FindPrimaryKey()!.Properties[0];
            var sql = $"SELECT {TableOrder.Quote(pk.GetColumnName())} AS \"Value\" FROM {TableOrder.Quote(principal.GetTableName()!)} ORDER BY 1";
#pragma warning disable EF1002 // Table and column names come from the EF model, not from input.
            if (pk.ClrType == typeof(string))
            {
                await foreach (var k in db.Database.SqlQueryRaw<string>(sql).AsAsyncEnumerable().WithCancellation(ct))
                {
                    keys.Add(k);
                }
            }
            else
            {
                await foreach (var k in db.Database.SqlQueryRaw<int>(sql).AsAsyncEnumerable().WithCancellation(ct))
                {
                    keys.Add(k);
                }
            }
#pragma warning restore EF1002
            principalKeys[principal] = keys;
        }
    }
}
