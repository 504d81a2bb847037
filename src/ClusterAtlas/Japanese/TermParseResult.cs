namespace ClusterAtlas.Japanese;

/// <summary>The outcome of <see cref="TermParser.Parse"/>. <see cref="EndYear"/> is null for an open term ("H19年~").</summary>
public sealed record TermParseResult(int? StartYear, int? EndYear, IReadOnlyList<string> Warnings, string? Error)
{
    public bool Success => Error is null && StartYear is not null;

    public bool IsOpen => Success && EndYear is null;
}
