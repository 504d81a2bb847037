using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ClusterAtlas.Japanese;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ClusterAtlas.Transfer;

/// <summary>A cell read for a column: its value, or why it cannot be read; <see cref="Approximate"/> when it said 約.</summary>
internal sealed record CellValue(object? Value, string? Error = null, bool Approximate = false)
{
    public static CellValue Fail(string error) => new(null, error);
}

/// <summary>
/// Reads a cell the way Japanese government tables write it, for the column's type: fiscal years as 平成18年度, H18,
/// 令和元年度, Ｈ１８, 2007 or FY2007 (int columns named …FiscalYear…); numbers with full-width digits, 「70, 599」,
/// ▲/△ negatives and units (百万円, 千円, 億円 …) in the cell or in the header, converted to the column's unit;
/// 約 (approximate, for the caller to accept or refuse); 「－」, 「-」, 「―」 as no data (null). The dump's exact forms
/// (2007, -1234.5, true, enum names, yyyy-MM-dd) are read first, so an exported file always reads back as written.
/// </summary>
internal static partial class JapaneseCells
{
    /// <summary>Money units and their size in yen.</summary>
    public static readonly IReadOnlyDictionary<string, decimal> MoneyUnits = new Dictionary<string, decimal>(StringComparer.Ordinal)
    {
        ["円"] = 1m, ["千円"] = 1_000m, ["万円"] = 10_000m, ["百万円"] = 1_000_000m, ["億円"] = 100_000_000m,
    };

    public static CellValue Parse(IProperty property, string? text, string? headerUnit, string? columnUnit)
    {
        var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
        if (type == typeof(string))
        {
            return text is null ? Missing(property)
                : property.GetMaxLength() is { } max && text.Length > max ? CellValue.Fail($"text is longer than {max} characters")
                : new CellValue(text);
        }
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return Missing(property);
        }
        if (IsDash(trimmed))
        {
            return property.IsNullable ? new CellValue(null)
                : CellValue.Fail($"'{trimmed}' means no data, but {property.Name} needs a value");
        }
        if (type == typeof(int) && property.Name.Contains("FiscalYear", StringComparison.Ordinal))
        {
            return FiscalYear(trimmed);
        }
        if (type == typeof(int) || type == typeof(long) || type == typeof(decimal) || type == typeof(double))
        {
            return Number(property, type, trimmed, headerUnit, columnUnit);
        }
        if (type == typeof(bool))
        {
            return trimmed.ToLowerInvariant() switch
            {
                "true" or "1" => new CellValue(true),
                "false" or "0" => new CellValue(false),
                _ => CellValue.Fail($"'{Shorten(trimmed)}' is not true or false"),
            };
        }
        if (type.IsEnum)
        {
            var name = trimmed.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
            return Enum.TryParse(type, name, ignoreCase: true, out var value) && Enum.IsDefined(type, value!) && !char.IsAsciiDigit(name[0])
                ? new CellValue(value)
                : CellValue.Fail($"'{Shorten(trimmed)}' is not one of {string.Join("|", Enum.GetNames(type))}");
        }
        if (type == typeof(DateOnly))
        {
            return Date(trimmed);
        }
        // DateTimeOffset and anything else: the dump's exact form only.
        var problem = TransferTables.TryParse(property, trimmed, out var exact);
        return problem is null ? new CellValue(exact) : CellValue.Fail(problem);
    }

    /// <summary>A header cell's unit: 「AmountMillionYen(千円)」, 「Amount（千円）」 → (Amount…, 千円).</summary>
    public static (string Name, string? Unit) SplitHeader(string header)
    {
        var match = HeaderUnit().Match(header.Normalize(NormalizationForm.FormKC).Trim());
        return match.Success ? (match.Groups["name"].Value.Trim(), match.Groups["unit"].Value.Trim()) : (header.Trim(), null);
    }

    private static CellValue Missing(IProperty property) =>
        property.IsNullable ? new CellValue(null) : CellValue.Fail("a value is required");

    // After NFKC and folding every dash to '-': 「－」「―」「‐」「—」 and '-' itself.
    private static bool IsDash(string text) => JapaneseText.FoldPunctuation(text.Normalize(NormalizationForm.FormKC)).Trim() is "-" or "--";

    private static CellValue FiscalYear(string text)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1868 and <= 2100)
        {
            return new CellValue(year);
        }
        var parsed = FiscalYearParser.Parse(text);
        return parsed.StartYear is { } fy ? new CellValue(fy) : CellValue.Fail(parsed.Error ?? $"'{Shorten(text)}' is not a fiscal year");
    }

    private static CellValue Number(IProperty property, Type type, string text, string? headerUnit, string? columnUnit)
    {
        decimal value;
        var approximate = false;
        // The exact forms first (the dump's); doubles keep their own parse, so 1E-07 and 17 digits round-trip exactly.
        if (type == typeof(double) && headerUnit is null && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            return new CellValue(d);
        }
        if (headerUnit is null && decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                CultureInfo.InvariantCulture, out var exact))
        {
            value = exact;
        }
        else
        {
            var parsed = JapaneseNumber.Parse(text);
            if (parsed.Error is not null)
            {
                return CellValue.Fail($"'{Shorten(text)}' is not a number");
            }
            if (parsed.IsNoData || parsed.Value is null)
            {
                return property.IsNullable ? new CellValue(null) : CellValue.Fail($"'{Shorten(text)}' means no data, but {property.Name} needs a value");
            }
            if (parsed.IsLowerBound)
            {
                return CellValue.Fail($"'{Shorten(text)}' is a lower bound (超/以上); {property.Name} holds a value");
            }
            if (parsed.Footnote is not null)
            {
                return CellValue.Fail($"'{Shorten(text)}' carries the note mark '{parsed.Footnote}'; put notes in a note column");
            }
            var unit = parsed.Unit ?? headerUnit;
            var converted = Convert(parsed.Value.Value, unit, columnUnit, property.Name);
            if (converted.Error is not null)
            {
                return CellValue.Fail($"'{Shorten(text)}': {converted.Error}");
            }
            value = converted.Value;
            approximate = parsed.IsApproximate;
        }
        return ToColumnType(property, type, value, text) is { } problem
            ? CellValue.Fail(problem)
            : new CellValue(type == typeof(int) ? (int)value : type == typeof(long) ? (long)value : type == typeof(double) ? (double)value : value, null, approximate);
    }

    /// <summary>A number in <paramref name="unit"/> expressed in the column's unit.</summary>
    private static (decimal Value, string? Error) Convert(decimal value, string? unit, string? columnUnit, string column)
    {
        if (unit is null || unit == columnUnit)
        {
            return (value, null);
        }
        if (MoneyUnits.TryGetValue(unit, out var from))
        {
            return columnUnit is not null && MoneyUnits.TryGetValue(columnUnit, out var to)
                ? (value * from / to, null)
                : (0, $"{column} holds no amount of money, so {unit} does not apply");
        }
        return (0, columnUnit is null ? $"{column} takes no unit ({unit})" : $"{unit} does not fit {column}, which is in {columnUnit}");
    }

    private static string? ToColumnType(IProperty property, Type type, decimal value, string text)
    {
        if (type == typeof(int) || type == typeof(long))
        {
            if (value != decimal.Truncate(value))
            {
                return $"'{Shorten(text)}' is not a whole number";
            }
            var (min, max) = type == typeof(int) ? ((decimal)int.MinValue, (decimal)int.MaxValue) : (long.MinValue, long.MaxValue);
            return value < min || value > max ? $"'{Shorten(text)}' is out of range" : null;
        }
        if (type == typeof(decimal) && property.GetScale() is { } scale && decimal.Round(value, scale) != value)
        {
            return string.Create(CultureInfo.InvariantCulture, $"'{Shorten(text)}' = {value} has more than the {scale} decimals {property.Name} keeps");
        }
        if (type == typeof(decimal) && property.GetPrecision() is { } precision && property.GetScale() is { } s
            && Math.Abs(value) >= (decimal)Math.Pow(10, precision - s))
        {
            return $"'{Shorten(text)}' is too large for {property.Name}";
        }
        return null;
    }

    private static CellValue Date(string text)
    {
        var inv = CultureInfo.InvariantCulture;
        if (DateOnly.TryParseExact(text.Normalize(NormalizationForm.FormKC), ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyy.M.d", "yyyy年M月d日"], inv, DateTimeStyles.None, out var date))
        {
            return new CellValue(date);
        }
        var era = EraDate().Match(text.Normalize(NormalizationForm.FormKC).Replace(" ", "", StringComparison.Ordinal));
        if (era.Success)
        {
            var year = FiscalYearParser.Parse(era.Groups["year"].Value + "年");
            if (year.StartYear is { } y && DateOnly.TryParseExact(string.Create(inv, $"{y}-{era.Groups["m"].Value}-{era.Groups["d"].Value}"), "yyyy-M-d", inv, DateTimeStyles.None, out date))
            {
                return new CellValue(date);
            }
        }
        return CellValue.Fail($"'{Shorten(text)}' is not a date (yyyy-MM-dd, yyyy/M/d, 2007年4月1日, 平成19年4月1日)");
    }

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;

    [GeneratedRegex(@"^(?<name>[^(\[]+?)\s*[(\[]\s*(?<unit>[^)\]]+?)\s*[)\]]$")]
    private static partial Regex HeaderUnit();

    [GeneratedRegex(@"^(?<year>(?:令和|平成|昭和|大正|明治|[令平昭大明RHSTM])(?:元|[0-9]{1,2}))[年.](?<m>[0-9]{1,2})[月.](?<d>[0-9]{1,2})日?$")]
    private static partial Regex EraDate();
}
