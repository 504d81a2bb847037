using System.Globalization;
using System.Text.Json;
using ClusterAtlas.Data;
using ClusterAtlas.Transfer;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ClusterAtlas.Tests.Transfer;

/// <summary>
/// Writes a valid dump of any size straight from the EF model, for import tests
/// of every table (`atlas generate` fills only what the benchmark needs): every table gets rows whose keys, codes and references are consistent, with Japanese text,
/// so `atlas import` accepts it. Rows are generated as they are written; nothing is held in memory.
/// </summary>
public static class SyntheticDump
{
    /// <summary>Rows per table at scale 1 (about 600,000 rows; 370,000 of them in the search index's kinds).</summary>
    private static readonly Dictionary<string, int> RowsAtScaleOne = new(StringComparer.Ordinal)
    {
        ["Ministries"] = 8, ["Programmes"] = 200, ["SourceDocuments"] = 50, ["Indicators"] = 40, ["Surveys"] = 100,
        ["Regions"] = 20_000, ["Organisations"] = 200_000, ["People"] = 100_000, ["Events"] = 20_000,
        ["IndustrialClusterProjects"] = 2_000, ["InternationalLinks"] = 30_000, ["Citations"] = 150_000,
        ["BudgetLines"] = 10_000, ["Participations"] = 20_000, ["RegionAliases"] = 10_000, ["RegionFields"] = 5_000,
        ["RegionPrefectures"] = 5_000, ["RegionProposers"] = 2_000, ["RoleAssignments"] = 10_000,
        ["IndicatorObservations"] = 5_000, ["SurveyAnswers"] = 2_000, ["MeasureCooperations"] = 100,
        ["ProgrammeLineages"] = 100, ["DatasetLoads"] = 1,
    };

    private static readonly JsonSerializerOptions ManifestJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static int RowsOf(string table, double scale) =>
        table is "Ministries" or "DatasetLoads" ? RowsAtScaleOne[table] : Math.Max(1, (int)(RowsAtScaleOne.GetValueOrDefault(table, 100) * scale));

    /// <summary>Writes the dump (CSV, UTF-8) into <paramref name="folder"/>; returns the total row count.</summary>
    public static async Task<long> WriteAsync(IModel model, string folder, double scale, CancellationToken ct = default)
    {
        Directory.CreateDirectory(folder);
        var files = new List<ManifestFile>();
        foreach (var table in TransferTables.All(model))
        {
            var name = TransferTables.FileName(table, "csv");
            var path = Path.Combine(folder, name);
            var rows = RowsOf(table.GetTableName()!, scale);
            var columns = TransferTables.Columns(table);
            await using (var stream = File.Create(path))
            using (var writer = TableFileWriter.Create(stream, TableFormat.Csv, TableEncoding.Utf8, [.. columns.Select(c => c.Name)],
                       [.. columns.Select(TransferTables.KindOf)], name))
            {
                var cells = new string?[columns.Count];
                for (var i = 1; i <= rows; i++)
                {
                    for (var c = 0; c < columns.Count; c++)
                    {
                        cells[c] = TransferTables.ToText(Value(columns[c], i, scale));
                    }
                    writer.Write(cells);
                }
            }
            files.Add(new ManifestFile(table.GetTableName()!, name, rows, await ExportDump.HashAsync(path, ct)));
        }
        var manifest = new Manifest("csv", Manifest.CurrentVersion, DateTimeOffset.UnixEpoch, "synthetic", files) { Encoding = "utf-8" };
        await File.WriteAllTextAsync(Path.Combine(folder, Manifest.FileName),
            JsonSerializer.Serialize(manifest, ManifestJson), ct);
        return files.Sum(f => (long)f.Rows);
    }

    /// <summary>The value of one column in row <paramref name="i"/> (1-based; also the row's Id).</summary>
    private static object? Value(IProperty column, int i, double scale)
    {
        var table = column.DeclaringType.ContainingEntityType;
        var type = Nullable.GetUnderlyingType(column.ClrType) ?? column.ClrType;
        if (column.IsPrimaryKey())
        {
            return type == typeof(string) ? DocumentId(i) : i;
        }
        if (column.IsForeignKey())
        {
            var principal = column.GetContainingForeignKeys().First().PrincipalEntityType;
            if (column.IsNullable && i % 5 == 0)
            {
                return null;
            }
            // A table pointing at itself points at an earlier row; others spread over the principal's rows.
            var count = principal == table ? Math.Max(1, i - 1) : RowsOf(principal.GetTableName()!, scale);
            var spread = (int)(1 + ((long)i * 7919 % count)); // long: i × 7919 overflows an int past 271,000 rows
            var target = principal == table && i == 1 ? (int?)null : spread;
            return target is null ? null : principal.FindPrimaryKey()!.Properties[0].ClrType == typeof(string) ? DocumentId(target.Value) : target;
        }
        if (column.Name == "Code")
        {
            return string.Create(CultureInfo.InvariantCulture, $"{table.GetTableName()!.ToLowerInvariant()}-{i}");
        }
        if (column.IsNullable && type != typeof(bool) && i % 3 == 0)
        {
            return null;
        }
        if (type == typeof(string))
        {
            return column.Name switch
            {
                "NameJa" => string.Create(CultureInfo.InvariantCulture, $"合成{i}番 地域科学技術クラスター"),
                "Quote" => string.Create(CultureInfo.InvariantCulture, $"平成{1 + i % 30}年度 創薬研究クラスター 第{i}行"),
                "CountryCode" => "JP",
                _ => string.Create(CultureInfo.InvariantCulture, $"{column.Name} {i} テキスト"),
            };
        }
        if (type == typeof(int))
        {
            return column.Name.Contains("FiscalYear", StringComparison.Ordinal) || column.Name.Contains("Year", StringComparison.Ordinal) ? 1990 + i % 35 : i % 1000;
        }
        return type == typeof(decimal) ? (i % 100_000) / 10m
            : type == typeof(double) ? 30 + (i % 10_000) / 1000.0
            : type == typeof(bool) ? i % 2 == 0
            : type == typeof(DateOnly) ? new DateOnly(2000, 1, 1).AddDays(i % 9000)
            : type == typeof(DateTimeOffset) ? new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(i)
            : type.IsEnum ? Enum.GetValues(type).GetValue(i % Enum.GetValues(type).Length)
            : throw new NotSupportedException($"{table.GetTableName()}.{column.Name}: {type.Name}");
    }

    private static string DocumentId(int i) => string.Create(CultureInfo.InvariantCulture, $"doc-{i:D6}");

    /// <summary>The model, without a database.</summary>
    public static IModel Model()
    {
        var options = new DbContextOptionsBuilder<AtlasDbContext>().UseSqlite("Data Source=:memory:").Options;
        using var db = new AtlasDbContext(options);
        return db.Model;
    }
}
