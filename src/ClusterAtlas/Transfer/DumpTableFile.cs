using System.Globalization;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ClusterAtlas.Transfer;

/// <summary>One parsed record of a dump file: values in <see cref="TransferTables.Columns"/> order; <see cref="Unparsed"/>
/// marks the columns whose text could not be read (their value is null and reference checks skip them).</summary>
internal sealed record DumpRow(int Line, object?[] Values, bool[]? Unparsed)
{
    public bool IsParsed(int column) => Unparsed is null || !Unparsed[column];
}

/// <summary>
/// Reads one table file of a dump, streaming: checks the header against the table's columns, parses every cell with the
/// dump's exact (invariant) forms and reports each problem as file:line:column: reason. Hashes the bytes on the way,
/// so the caller compares <see cref="Sha256"/> with the manifest without a second read (XLSX, a zip, is hashed apart).
/// </summary>
internal sealed class DumpTableFile(IEntityType table, string path, string file, TableFormat format, TableEncoding? encoding, ErrorList errors)
{
    public IReadOnlyList<IProperty> Columns { get; } = TransferTables.Columns(table);

    /// <summary>Records found after the header, readable or not.</summary>
    public int Records { get; private set; }

    public string Sha256 { get; private set; } = "";

    public IEnumerable<DumpRow> Rows()
    {
        Records = 0;
        var hashing = format == TableFormat.Xlsx ? null : HashingStream.OpenFile(path);
        Stream stream = hashing is not null ? hashing : new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024);
        var options = new TableReadOptions { Encoding = encoding, JsonColumns = [.. Columns.Select(c => c.Name)] };
        try
        {
            using var records = TableFileReader.Read(stream, format, options, leaveOpen: true).GetEnumerator();
            int[]? map = null;
            while (Next(records) is { } record)
            {
                if (map is null)
                {
                    map = MapHeader(record);
                    continue;
                }
                Records++;
                if (Parse(record, map) is { } row)
                {
                    yield return row;
                }
            }
        }
        finally
        {
            if (hashing is not null)
            {
                hashing.Drain();
                Sha256 = hashing.Sha256;
            }
            stream.Dispose();
        }
        if (hashing is null)
        {
            using var file = File.OpenRead(path);
            Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(file));
        }
    }

    /// <summary>The next record; a structural error is reported and ends the file.</summary>
    private TableRecord? Next(IEnumerator<TableRecord> records)
    {
        try
        {
            return records.MoveNext() ? records.Current : null;
        }
        catch (TableFormatException e)
        {
            errors.Add(e.Line > 0 ? $"{file}:{e.Line}: {e.Reason}" : $"{file}: {e.Reason}");
            return null;
        }
    }

    /// <summary>For each header cell, the index of its column (-1 when unknown); reports unknown and missing columns once.</summary>
    private int[] MapHeader(TableRecord header)
    {
        var byName = Columns.Select((c, i) => (c.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);
        var map = new int[header.Cells.Length];
        var seen = new HashSet<int>();
        for (var i = 0; i < header.Cells.Length; i++)
        {
            var name = header.Cells[i] ?? "";
            map[i] = byName.GetValueOrDefault(name, -1);
            if (map[i] < 0)
            {
                errors.Add($"{file}:{header.Line}:{name}: unknown column");
            }
            else if (!seen.Add(map[i]))
            {
                errors.Add($"{file}:{header.Line}:{name}: the column appears twice");
                map[i] = -1;
            }
        }
        foreach (var missing in Columns.Where((c, i) => !seen.Contains(i)))
        {
            errors.Add($"{file}:{header.Line}:{missing.Name}: column missing");
        }
        return map;
    }

    private DumpRow? Parse(TableRecord record, int[] map)
    {
        var skip = false;
        foreach (var problem in record.Problems)
        {
            var column = problem.ColumnName ?? (problem.Column >= 0 && problem.Column < map.Length && map[problem.Column] >= 0 ? Columns[map[problem.Column]].Name : null);
            errors.Add(column is null ? $"{file}:{record.Line}: {problem.Reason}" : $"{file}:{record.Line}:{column}: {problem.Reason}");
            skip |= problem.Column < 0 && problem.ColumnName is null;
        }
        if (skip)
        {
            return null;
        }
        if (record.Cells.Length != map.Length)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{file}:{record.Line}: {record.Cells.Length} fields, the header has {map.Length}"));
            return null;
        }
        var values = new object?[Columns.Count];
        bool[]? unparsed = null;
        foreach (var problem in record.Problems.Where(p => p.Column >= 0 && p.Column < map.Length && map[p.Column] >= 0))
        {
            (unparsed ??= new bool[Columns.Count])[map[problem.Column]] = true;
        }
        for (var i = 0; i < map.Length; i++)
        {
            var column = map[i];
            if (column < 0 || unparsed?[column] == true)
            {
                continue;
            }
            var property = Columns[column];
            var problem = TransferTables.TryParse(property, record.Cells[i], out var value);
            if (problem is not null)
            {
                errors.Add($"{file}:{record.Line}:{property.Name}: {problem}");
                (unparsed ??= new bool[Columns.Count])[column] = true;
                continue;
            }
            values[column] = value;
        }
        return new DumpRow(record.Line, values, unparsed);
    }
}
