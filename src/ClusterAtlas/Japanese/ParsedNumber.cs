namespace ClusterAtlas.Japanese;

/// <summary>One published number with everything that was written around it.</summary>
public sealed record ParsedNumber
{
    /// <summary>Null when the cell holds no data or could not be read.</summary>
    public decimal? Value { get; init; }

    /// <summary>単位 as written after the number (百万円, 社, %, 倍 …); null when none was written.</summary>
    public string? Unit { get; init; }

    /// <summary>約, 概ね, 程度, 前後, 弱: the source says the value is not exact.</summary>
    public bool IsApproximate { get; init; }

    /// <summary>超, を超える, 以上: the value is a floor ("more than 10億円").</summary>
    public bool IsLowerBound { get; init; }

    /// <summary>The cell is empty or a dash (－): the source publishes no figure, which is not zero.</summary>
    public bool IsNoData { get; init; }

    /// <summary>注記 marker or text as published: "(*)", "*1", "※H19年度は…".</summary>
    public string? Footnote { get; init; }

    public string? Error { get; init; }

    public bool Success => Error is null;
}
