using ClusterAtlas.Japanese;

namespace ClusterAtlas.Fuzz.Targets;

/// <summary>
/// JapaneseNumber.Parse, then ToMillionYen under every money unit a table header can state.
/// Expected: a result that is exactly one of value, no data, or error; never an exception.
/// </summary>
public static class NumberTarget
{
    private static readonly string?[] HeaderUnits = [null, "百万円", "億円", "千円", "万円", "円", "件"];

    public static void Run(byte[] data)
    {
        var number = JapaneseNumber.Parse(FuzzInput.Text(data));
        var outcomes = (number.Value is not null ? 1 : 0) + (number.IsNoData ? 1 : 0) + (number.Error is not null ? 1 : 0);
        FuzzInput.Check(outcomes == 1, $"value={number.Value}, noData={number.IsNoData}, error={number.Error}");
        foreach (var unit in HeaderUnits)
        {
            _ = JapaneseNumber.ToMillionYen(number, unit);
        }
    }
}
