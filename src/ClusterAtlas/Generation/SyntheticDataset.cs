using ClusterAtlas.Programmes;
using ClusterAtlas.Regions;

namespace ClusterAtlas.Generation;

/// <summary>
/// The synthetic registry behind `atlas generate`: small tables (regions, programmes, budgets) are built once and
/// kept; every row of the large tables is a pure function of (seed, row index) and is produced while it is written, so
/// memory does not grow with the number of projects. Ids run from 1 in every table; codes are unique by construction.
/// The partial files hold one area each.
/// </summary>
public sealed partial class SyntheticDataset
{
    public SyntheticDataset(GenerationScale scale, ulong seed)
    {
        Scale = scale;
        Seed = seed;
        regions = [.. Enumerable.Range(0, scale.Regions).Select(BuildRegion)];
        programmes = BuildProgrammes();
        budgets = BuildBudgets();
        budgetsByProgramme = budgets.ToLookup(b => b.ProgrammeId);
        tracks = [.. programmes.Where(p => p.Kind == ProgrammeKind.Track)];
    }

    public GenerationScale Scale { get; }

    public ulong Seed { get; }

    private readonly List<GeneratedRegion> regions;
    private readonly List<Programme> programmes;
    private readonly List<BudgetLine> budgets;
    private readonly ILookup<int, BudgetLine> budgetsByProgramme;
    private readonly List<Programme> tracks;

    private SplitMix64 Rng(RowKind stream, long index) => SplitMix64.For(Seed, stream, index);

    /// <summary>A region with the lists its child tables are written from.</summary>
    private sealed record GeneratedRegion(
        Region Region, Vocabulary.Prefecture Prefecture, Vocabulary.City City, IReadOnlyList<Vocabulary.Prefecture> Prefectures,
        IReadOnlyList<Vocabulary.Field> Fields, IReadOnlyList<string> Aliases, IReadOnlyList<(string Name, string Kind)> Proposers);
}
