using System.Text.Json.Nodes;

namespace ClusterAtlas.BrowserTests.Infrastructure;

/// <summary>Facts read straight from the curated dataset (data/), to check pages against an independent source.</summary>
public static class Dataset
{
    /// <summary>Region codes of the dataset that have coordinates (each must appear on the map of Japan).</summary>
    public static IReadOnlyList<string> LocatedRegionCodes() =>
        HarnessServer.RegionPoints(english: false).Select(p => p!["code"]!.GetValue<string>()).ToList();

    /// <summary>The id of the first source document (data/sources.json).</summary>
    public static string FirstSourceId() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.DataFolder, "sources.json")))!.AsArray()[0]!["id"]!.GetValue<string>();
}
