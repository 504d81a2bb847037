namespace ClusterAtlas.Transfer;

/// <summary>The file formats a table can be exported to and imported from.</summary>
public enum TableFormat { Json, Csv, Tsv, Xlsx }

public static class TableFormats
{
    public static readonly IReadOnlyList<string> Names = ["json", "csv", "tsv", "xlsx"];

    public static string Name(this TableFormat format) => format switch
    {
        TableFormat.Json => "json",
        TableFormat.Csv => "csv",
        TableFormat.Tsv => "tsv",
        TableFormat.Xlsx => "xlsx",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    public static TableFormat? Parse(string? name) => name?.ToLowerInvariant() switch
    {
        "json" => TableFormat.Json,
        "csv" => TableFormat.Csv,
        "tsv" or "tab" => TableFormat.Tsv,
        "xlsx" => TableFormat.Xlsx,
        _ => null,
    };

    /// <summary>The format a file name's extension names (Regions.csv → Csv); null for anything else.</summary>
    public static TableFormat? FromFileName(string path) => Parse(Path.GetExtension(path).TrimStart('.'));

    /// <summary>Text formats carry an encoding; JSON is always UTF-8 and XLSX has its own (UTF-8 XML in a zip).</summary>
    public static bool HasEncoding(this TableFormat format) => format is TableFormat.Csv or TableFormat.Tsv;
}
