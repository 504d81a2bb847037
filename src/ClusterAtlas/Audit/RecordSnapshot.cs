using System.Text.Json;
using ClusterAtlas.Transfer;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ClusterAtlas.Audit;

/// <summary>A record's columns as a flat JSON object of texts (the dump's text forms), for audit before/after and diffs.</summary>
public static class RecordSnapshot
{
    public static string Of(IEntityType type, object entity)
    {
        var values = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        foreach (var column in TransferTables.Columns(type))
        {
            values[column.Name] = TransferTables.ToText(column.PropertyInfo!.GetValue(entity));
        }
        return JsonSerializer.Serialize(values, Options);
    }

    public static IReadOnlyDictionary<string, string?> Parse(string? json) =>
        json is null ? new Dictionary<string, string?>() : JsonSerializer.Deserialize<Dictionary<string, string?>>(json, Options) ?? [];

    /// <summary>Primary key of an entity as text (all keys here are single-column).</summary>
    public static string KeyOf(IEntityType type, object entity) =>
        TransferTables.ToText(type.FindPrimaryKey()!.Properties[0].PropertyInfo!.GetValue(entity)) ?? "";

    /// <summary>Field-by-field differences: name, before, after (only the fields that changed).</summary>
    public static IReadOnlyList<(string Field, string? Before, string? After)> Diff(string? before, string? after)
    {
        var a = Parse(before);
        var b = Parse(after);
        return a.Keys.Union(b.Keys).Order(StringComparer.Ordinal)
            .Select(k => (k, a.GetValueOrDefault(k), b.GetValueOrDefault(k)))
            .Where(x => !string.Equals(x.Item2, x.Item3, StringComparison.Ordinal)).ToList();
    }

    private static readonly JsonSerializerOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
