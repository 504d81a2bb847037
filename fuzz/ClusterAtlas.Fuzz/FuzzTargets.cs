using ClusterAtlas.Fuzz.Targets;

namespace ClusterAtlas.Fuzz;

/// <summary>
/// Every fuzz target by the name fuzz/run.sh and the corpus folders use. A target returns normally for every
/// outcome the API documents (a parse error result, a documented exception) and throws for anything else:
/// an undocumented exception or a broken invariant (<see cref="FuzzInvariantException"/>). AFL++ counts a throw
/// as a crash and a run over its -t limit as a hang; CorpusReplayTests replays the same bodies in xunit.
/// </summary>
public static class FuzzTargets
{
    public static readonly IReadOnlyDictionary<string, Action<byte[]>> All = new Dictionary<string, Action<byte[]>>(StringComparer.Ordinal)
    {
        ["csv"] = CsvTarget.Run,
        ["fiscal-year"] = FiscalYearTarget.Run,
        ["term"] = TermTarget.Run,
        ["number"] = NumberTarget.Run,
        ["digits"] = DigitsTarget.Run,
        ["normalize"] = NormalizeTarget.Run,
        ["highlight"] = HighlightTarget.Run,
        ["xlsx"] = XlsxTarget.Run,
    };
}
