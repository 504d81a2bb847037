using Microsoft.EntityFrameworkCore.Metadata;

namespace ClusterAtlas.Transfer;

/// <summary>One header cell of a per-table import file: the column it names and the unit it states, e.g.
/// 「AmountMillionYen(千円)」 or just 「Amount(千円)」 for the money column AmountMillionYen.</summary>
internal sealed record UpsertColumn(int Index, string Header, IProperty Property, string? Unit);

internal static class UpsertHeader
{
    /// <summary>The unit a column's numbers are stored in: 百万円 for …MillionYen columns; null when it has none
    /// (row-dependent units, such as an observation's Unit column, are looked up per row).</summary>
    public static string? StoredUnit(IProperty property) => property.Name.EndsWith("MillionYen", StringComparison.Ordinal) ? "百万円" : null;

    /// <summary>Maps the header's cells to the table's columns; unknown, duplicate or unit-less-but-unit-bearing headers are errors.</summary>
    public static List<UpsertColumn> Map(TableRecord header, IReadOnlyList<IProperty> columns, string file, ErrorList errors)
    {
        var mapped = new List<UpsertColumn>();
        for (var i = 0; i < header.Cells.Length; i++)
        {
            var text = header.Cells[i];
            if (string.IsNullOrWhiteSpace(text) || ReferenceEquals(text, TableRecord.Absent))
            {
                errors.Add($"{file}:{header.Line}: header cell {i + 1} is empty");
                continue;
            }
            var (name, unit) = JapaneseCells.SplitHeader(text);
            var property = columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase))
                ?? columns.FirstOrDefault(c => StoredUnit(c) is not null && string.Equals(c.Name, name + "MillionYen", StringComparison.OrdinalIgnoreCase));
            if (property is null)
            {
                errors.Add($"{file}:{header.Line}:{text}: unknown column; the columns are {string.Join(", ", columns.Select(c => c.Name))}");
                continue;
            }
            if (mapped.Any(m => m.Property == property))
            {
                errors.Add($"{file}:{header.Line}:{text}: the column {property.Name} appears twice");
                continue;
            }
            if (unit is not null && !JapaneseCells.MoneyUnits.ContainsKey(unit))
            {
                errors.Add($"{file}:{header.Line}:{text}: unknown unit '{unit}' (百万円, 千円, 万円, 億円 or 円)");
                continue;
            }
            if (unit is not null && StoredUnit(property) is null && property.DeclaringType.FindProperty("Unit") is null)
            {
                errors.Add($"{file}:{header.Line}:{text}: {property.Name} holds no amount of money, so a unit does not apply");
                continue;
            }
            mapped.Add(new UpsertColumn(i, text, property, unit));
        }
        return mapped;
    }
}
