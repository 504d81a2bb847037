using System.Globalization;
using System.Text.Json;
using ClusterAtlas.Data;
using ClusterAtlas.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ClusterAtlas.Transfer;

/// <summary>The tables a dump holds (the registry's tables but the derived search index), parents first, and their columns.</summary>
public static class TransferTables
{
    public static IReadOnlyList<IEntityType> All(IModel model) =>
        SystemTables.RegistryParentsFirst(model).Where(t => t.ClrType != typeof(SearchEntry)).ToList();

    public static IReadOnlyList<IProperty> Columns(IEntityType type) =>
        type.GetProperties().Where(p => p.PropertyInfo is not null)
            .OrderBy(p => p.IsPrimaryKey() ? 0 : 1).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();

    public static int IndexOf(IReadOnlyList<IProperty> columns, IProperty property)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i] == property)
            {
                return i;
            }
        }
        return -1;
    }

    public static string FileName(IEntityType type, string format) => $"{type.GetTableName()}.{format}";

    /// <summary>The registry table a name stands for (Regions, regions), or null.</summary>
    public static IEntityType? Find(IModel model, string name) =>
        All(model).FirstOrDefault(t => string.Equals(t.GetTableName(), name, StringComparison.OrdinalIgnoreCase));

    public static ColumnKind KindOf(IProperty property)
    {
        var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
        return type == typeof(bool) ? ColumnKind.Boolean
            : type == typeof(int) || type == typeof(long) || type == typeof(decimal) || type == typeof(double) ? ColumnKind.Number
            : ColumnKind.Text;
    }

    /// <summary>A CLR value as text (CSV) in the invariant, round-trippable form.</summary>
    public static string? ToText(object? value) => value switch
    {
        null => null,
        string s => s,
        bool b => b ? "true" : "false",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("O", CultureInfo.InvariantCulture),
        Enum e => e.ToString(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>Parses text into the property's CLR type; returns an error message when it cannot.</summary>
    public static string? TryParse(IProperty property, string? text, out object? value)
    {
        value = null;
        var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
        if (text is null)
        {
            return property.IsNullable ? null : "a value is required";
        }
        var inv = CultureInfo.InvariantCulture;
        bool ok;
        if (type == typeof(string)) { value = text; ok = true; }
        else if (type == typeof(int)) { ok = int.TryParse(text, NumberStyles.Integer, inv, out var v); value = v; }
        else if (type == typeof(long)) { ok = long.TryParse(text, NumberStyles.Integer, inv, out var v); value = v; }
        else if (type == typeof(double)) { ok = double.TryParse(text, NumberStyles.Float, inv, out var v); value = v; }
        else if (type == typeof(decimal)) { ok = decimal.TryParse(text, NumberStyles.Number, inv, out var v); value = v; }
        else if (type == typeof(bool)) { ok = bool.TryParse(text, out var v); value = v; }
        else if (type == typeof(DateOnly)) { ok = DateOnly.TryParseExact(text, "yyyy-MM-dd", inv, DateTimeStyles.None, out var v); value = v; }
        else if (type == typeof(DateTimeOffset)) { ok = DateTimeOffset.TryParse(text, inv, DateTimeStyles.RoundtripKind, out var v); value = v; }
        else if (type.IsEnum) { ok = Enum.TryParse(type, text, false, out var v) && Enum.IsDefined(type, v!); value = v; }
        else { return $"unsupported column type {type.Name}"; }
        if (!ok)
        {
            value = null;
            return $"'{Shorten(text)}' is not a valid {Describe(type)}";
        }
        if (type == typeof(string) && property.GetMaxLength() is { } max && text.Length > max)
        {
            return $"text is longer than {max} characters";
        }
        return null;
    }

    /// <summary>A JSON element as the text form <see cref="TryParse"/> reads (null stays null).</summary>
    public static string? FromJson(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => e.GetString(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => e.GetRawText(),
    };

    private static string Describe(Type type) => type.IsEnum ? $"{type.Name} ({string.Join("|", Enum.GetNames(type))})" : type.Name;

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
