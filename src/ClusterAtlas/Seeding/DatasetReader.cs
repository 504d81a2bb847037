using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ClusterAtlas.Seeding;

/// <summary>An item read from a dataset file, with where it came from (for error messages).</summary>
public sealed record Located<T>(T Item, string File, int Index)
{
    public string Where => $"{File}[{Index}]";
}

/// <summary>Reads the curated dataset folder (data/): one sub-folder per kind, every *.json a JSON array.</summary>
public sealed class DatasetReader(string root)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public string Root { get; } = Path.GetFullPath(root);

    public List<string> Errors { get; } = [];

    public List<Located<T>> Read<T>(string kind)
    {
        var result = new List<Located<T>>();
        var folder = Path.Combine(Root, kind);
        if (!Directory.Exists(folder))
        {
            return result;
        }
        foreach (var file in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(Root, file).Replace('\\', '/');
            try
            {
                var items = JsonSerializer.Deserialize<List<T>>(File.ReadAllText(file, Encoding.UTF8), Json) ?? [];
                result.AddRange(items.Select((item, i) => new Located<T>(item, relative, i)));
            }
            catch (JsonException e)
            {
                Errors.Add($"{relative}:{(e.LineNumber ?? 0) + 1}: {e.Message}");
            }
        }
        return result;
    }

    /// <summary>SHA-256 over every file's relative path and bytes, so any edit to the dataset changes the hash.</summary>
    public string ComputeHash()
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Directory.GetFiles(Root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            sha.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(Root, file).Replace('\\', '/')));
            sha.AppendData(File.ReadAllBytes(file));
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>Finds the data folder: an explicit path, else data/ beside the app, else the repository's data/.</summary>
    public static string Locate(string? configured = null)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }
        var beside = Path.Combine(AppContext.BaseDirectory, "data");
        if (Directory.Exists(beside))
        {
            return beside;
        }
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "data", "sources");
            if (Directory.Exists(candidate))
            {
                return Path.Combine(dir.FullName, "data");
            }
        }
        throw new DirectoryNotFoundException("The curated dataset folder (data/) was not found; pass its path.");
    }
}
