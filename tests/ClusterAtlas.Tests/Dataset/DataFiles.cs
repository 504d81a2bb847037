using System.Text.Json;
using ClusterAtlas.Tests.Infrastructure;

namespace ClusterAtlas.Tests.Dataset;

/// <summary>One object of a dataset file, with the file it came from (relative to data/) and its index.</summary>
public sealed record DataObject(string File, int Index, JsonElement Value)
{
    public string Where => $"{File}[{Index}]";

    public string? Text(string name) =>
        Value.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public int? WholeNumber(string name) =>
        Value.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;

    public decimal? Number(string name) =>
        Value.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDecimal() : null;
}

/// <summary>Reads the curated dataset (data/) directly with System.Text.Json, independently of the seeding code.</summary>
public static class DataFiles
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static string Root => RepositoryPaths.DataFolder;

    public static JsonElement Parse(string path) => JsonDocument.Parse(File.ReadAllText(path), Options).RootElement.Clone();

    /// <summary>Every object of every data/&lt;kind&gt;/&lt;pattern&gt; file, in file-name order.</summary>
    public static List<DataObject> Read(string kind, string pattern = "*.json") =>
        Directory.GetFiles(Path.Combine(Root, kind), pattern).Order(StringComparer.Ordinal)
            .SelectMany(f => Parse(f).EnumerateArray().Select((o, i) => new DataObject($"{kind}/{Path.GetFileName(f)}", i, o)))
            .ToList();

    /// <summary>Every *.json file under data/, with its path relative to data/ (forward slashes).</summary>
    public static IEnumerable<(string File, JsonElement Root)> All() =>
        Directory.GetFiles(Root, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => (Path.GetRelativePath(Root, f).Replace('\\', '/'), Parse(f)));

    /// <summary>The lines of data/sources/&lt;doc&gt;.txt as `cat -n` numbers them (line 1 = index 0).</summary>
    public static string[] SourceLines(string doc)
    {
        var text = File.ReadAllText(Path.Combine(Root, "sources", doc + ".txt"));
        var lines = text.Split('\n');
        return text.EndsWith('\n') ? lines[..^1] : lines;
    }

    public static string DecodingNotes(string name) => File.ReadAllText(Path.Combine(Root, "decoding", name));

    /// <summary>Copies data/ to a new temporary folder and returns it.</summary>
    public static string CopyToTemp()
    {
        var target = Path.Combine(Path.GetTempPath(), $"atlas-data-{Guid.NewGuid():N}");
        foreach (var file in Directory.GetFiles(Root, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(Root, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
        return target;
    }
}
