namespace ClusterAtlas.Japanese;

/// <summary>The outcome of <see cref="FiscalYearParser.Parse"/>: a year, or an error, never an exception.</summary>
public sealed record FiscalYearParseResult(int? StartYear, IReadOnlyList<string> Warnings, string? Error)
{
    public bool Success => Error is null && StartYear is not null;

    public FiscalYear? FiscalYear => StartYear is int year ? new FiscalYear(year) : null;
}
