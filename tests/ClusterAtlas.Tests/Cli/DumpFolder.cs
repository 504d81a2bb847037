using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Xunit;

namespace ClusterAtlas.Tests.Cli;

/// <summary>Reads and edits a folder written by `atlas export` (its manifest.json and table files).</summary>
public static class DumpFolder
{
    public const string ManifestName = "manifest.json";

    public static JsonObject ReadManifest(string folder) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(folder, ManifestName)))!.AsObject();

    /// <summary>The manifest's file entries as (table, file, rows, sha256).</summary>
    public static IReadOnlyList<(string Table, string File, int Rows, string Sha256)> Files(string folder) =>
        ReadManifest(folder)["files"]!.AsArray()
            .Select(f => ((string)f!["table"]!, (string)f["file"]!, (int)f["rows"]!, (string)f["sha256"]!))
            .ToList();

    /// <summary>Recomputes the SHA-256 of <paramref name="file"/> in the manifest and, when given, sets its row count.</summary>
    public static void FixManifest(string folder, string file, int? rows = null)
    {
        var manifest = ReadManifest(folder);
        var entry = manifest["files"]!.AsArray().Single(f => (string)f!["file"]! == file)!;
        entry["sha256"] = Sha256(Path.Combine(folder, file));
        if (rows is not null)
        {
            entry["rows"] = rows.Value;
        }
        File.WriteAllText(Path.Combine(folder, ManifestName), manifest.ToJsonString());
    }

    public static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    /// <summary>The lines of a table file as written (LF), for edits that keep every other byte.</summary>
    public static string[] ReadLines(string folder, string file) =>
        File.ReadAllText(Path.Combine(folder, file), Encoding.UTF8).Split('\n');

    public static void WriteLines(string folder, string file, string[] lines) =>
        File.WriteAllText(Path.Combine(folder, file), string.Join('\n', lines), new UTF8Encoding(false));

    /// <summary>Index (0-based) of the only line that starts with <paramref name="prefix"/>.</summary>
    public static int LineStartingWith(string[] lines, string prefix)
    {
        var matches = Enumerable.Range(0, lines.Length).Where(i => lines[i].StartsWith(prefix, StringComparison.Ordinal)).ToList();
        Assert.True(matches.Count == 1, $"expected one line starting with {prefix}, found {matches.Count}");
        return matches[0];
    }

    /// <summary>
    /// Replaces one cell of the CSV record whose Id is <paramref name="id"/> with <paramref name="rawCell"/> (written as is,
    /// quotes included); every other byte stays. Returns the record's 1-based line number.
    /// </summary>
    public static int EditCsvCell(string folder, string file, string id, string column, string rawCell)
    {
        var lines = ReadLines(folder, file);
        var header = SplitRaw(lines[0]);
        var index = header.IndexOf("\"" + column + "\"");
        Assert.True(index >= 0, $"{file} has no column {column}");
        var at = LineStartingWith(lines, "\"" + id + "\",");
        var cells = SplitRaw(lines[at]);
        Assert.Equal(header.Count, cells.Count);
        cells[index] = rawCell;
        lines[at] = string.Join(',', cells);
        WriteLines(folder, file, lines);
        return at + 1;
    }

    /// <summary>Splits one physical CSV line into its raw cells (quotes kept); enough for single-line records.</summary>
    public static List<string> SplitRaw(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                cells.Add(cell.ToString());
                cell.Clear();
                continue;
            }
            cell.Append(c);
        }
        cells.Add(cell.ToString());
        return cells;
    }

    /// <summary>Rewrites the JSON record (one line of a JSON dump) whose Id is <paramref name="id"/>; returns its line number.</summary>
    public static int EditJsonRecord(string folder, string file, int id, Action<JsonObject> edit)
    {
        var lines = ReadLines(folder, file);
        var at = LineStartingWith(lines, "{\"Id\":" + id.ToString(System.Globalization.CultureInfo.InvariantCulture) + ",");
        var comma = lines[at].EndsWith(',');
        var record = JsonNode.Parse(comma ? lines[at][..^1] : lines[at])!.AsObject();
        edit(record);
        lines[at] = record.ToJsonString(RelaxedJson) + (comma ? "," : "");
        WriteLines(folder, file, lines);
        return at + 1;
    }

    private static readonly System.Text.Json.JsonSerializerOptions RelaxedJson =
        new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
