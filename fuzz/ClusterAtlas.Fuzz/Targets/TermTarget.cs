using ClusterAtlas.Japanese;

namespace ClusterAtlas.Fuzz.Targets;

/// <summary>TermParser.Parse on the text. Expected: a result, never an exception; an accepted term runs forwards.</summary>
public static class TermTarget
{
    public static void Run(byte[] data)
    {
        var result = TermParser.Parse(FuzzInput.Text(data));
        FuzzInput.Check(result.Success == (result.Error is null), "Success disagrees with Error");
        if (result.StartYear is not int start)
        {
            return;
        }

        FuzzInput.Check(YearRange.Contains(start), $"start FY{start} outside the supported years");
        if (result.EndYear is int end)
        {
            FuzzInput.Check(YearRange.Contains(end) && end >= start, $"end FY{end} for start FY{start}");
        }
    }
}
