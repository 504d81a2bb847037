using System.Globalization;
using ClusterAtlas.Generation.Vocabulary;
using ClusterAtlas.Ministries;
using ClusterAtlas.Programmes;

namespace ClusterAtlas.Generation;

public sealed partial class SyntheticDataset
{
    /// <summary>Fiscal years the generated programmes run in (平成7年度 … 令和7年度).</summary>
    public const int FirstFiscalYear = 1995, LastFiscalYear = 2025;

    public static IEnumerable<Ministry> Ministries() =>
        Institutions.Ministries.Select((m, i) => new Ministry { Id = i + 1, Code = m.Code, NameJa = m.Ja, NameEn = m.En });

    public IEnumerable<Programme> Programmes() => programmes;

    public IEnumerable<BudgetLine> BudgetLines() => budgets;

    /// <summary>Each programme of a ministry succeeds that ministry's previous one (第2期 after 第1期 …).</summary>
    public IEnumerable<ProgrammeLineage> ProgrammeLineages()
    {
        var id = 0;
        var tops = programmes.Where(p => p.Kind == ProgrammeKind.Programme).ToList();
        foreach (var group in tops.GroupBy(p => p.MinistryId))
        {
            foreach (var (from, to) in group.Zip(group.Skip(1)))
            {
                yield return new ProgrammeLineage { Id = ++id, FromId = from.Id, ToId = to.Id, Kind = id % 3 == 0 ? "renamed" : "successor" };
            }
        }
    }

    /// <summary>Cross-ministry links (関係府省連携) between neighbouring programmes of different ministries.</summary>
    public IEnumerable<MeasureCooperation> MeasureCooperations()
    {
        var id = 0;
        var tops = programmes.Where(p => p.Kind == ProgrammeKind.Programme).ToList();
        foreach (var (a, b) in tops.Zip(tops.Skip(1)).Where((_, i) => i % 2 == 0))
        {
            yield return new MeasureCooperation
            {
                Id = ++id, FromId = a.Id, ToId = b.Id, Kind = "seed-handoff", DescriptionJa = $"{a.NameJa}の研究成果を{b.NameJa}で事業化につなげる連携",
                FiscalYearFrom = Math.Max(a.StartFiscalYear!.Value, b.StartFiscalYear!.Value), FiscalYearTo = Math.Min(a.EndFiscalYear!.Value, b.EndFiscalYear!.Value),
            };
        }
    }

    /// <summary>Programme k (ids 4k+1) with its tracks (4k+2 … 4k+4); later rounds of a name are 第2期, 第3期 ….</summary>
    private List<Programme> BuildProgrammes()
    {
        var list = new List<Programme>();
        for (var k = 0; k < Scale.ProgrammeGroups; k++)
        {
            var rng = Rng(RowKind.Programme, k);
            var (nameJa, nameEn) = Institutions.Programmes[k % Institutions.Programmes.Count];
            var round = k / Institutions.Programmes.Count + 1;
            if (round > 1)
            {
                nameJa += $"（第{round.ToString(CultureInfo.InvariantCulture)}期）";
                nameEn += $" (round {round.ToString(CultureInfo.InvariantCulture)})";
            }
            // Mostly MEXT and METI, as in reality; the others run a share each.
            var ministry = rng.Chance(0.6) ? 1 + rng.Below(2) : 1 + rng.Below(Institutions.Ministries.Count);
            var start = rng.Between(FirstFiscalYear, LastFiscalYear - 8);
            var end = start + rng.Between(6, 10);
            var code = $"prg-{(k + 1).ToString("D3", CultureInfo.InvariantCulture)}";
            var top = new Programme
            {
                Id = list.Count + 1, Code = code, NameJa = nameJa, NameEn = nameEn, Kind = ProgrammeKind.Programme, MinistryId = ministry,
                TermText = Term(start, end), StartFiscalYear = start, EndFiscalYear = end,
                AimsJa = $"地域の{rng.Pick(Themes.Targets)}を核とした産学官連携による{rng.Pick(Themes.Actions)}", Note = "synthetic (atlas generate)",
            };
            list.Add(top);
            for (var t = 0; t < GenerationScale.TracksPerProgramme; t++)
            {
                var (trackJa, trackEn) = Institutions.Tracks[(k + t) % Institutions.Tracks.Count];
                var trackStart = start + rng.Below(3);
                var trackEnd = Math.Min(end, trackStart + rng.Between(4, 7));
                list.Add(new Programme
                {
                    Id = list.Count + 1, Code = $"{code}-{t + 1}", NameJa = $"{nameJa} {trackJa}", NameEn = $"{nameEn}, {trackEn}",
                    Kind = ProgrammeKind.Track, ParentId = top.Id, MinistryId = ministry,
                    TermText = Term(trackStart, trackEnd), StartFiscalYear = trackStart, EndFiscalYear = trackEnd,
                });
            }
        }
        return list;
    }

    /// <summary>One budget cell per fiscal year of each programme's term plus its published row total (計); a few cells blank.</summary>
    private List<BudgetLine> BuildBudgets()
    {
        var list = new List<BudgetLine>();
        foreach (var p in programmes)
        {
            var rng = Rng(RowKind.Budget, p.Id);
            var scale = p.Kind == ProgrammeKind.Programme ? 5_000 : 1_500;
            var total = 0m;
            for (var fy = p.StartFiscalYear!.Value; fy <= p.EndFiscalYear!.Value; fy++)
            {
                var blank = rng.Chance(0.03);
                var amount = blank ? (decimal?)null : scale / 2 + rng.Below(scale);
                total += amount ?? 0;
                list.Add(new BudgetLine
                {
                    Id = list.Count + 1, ProgrammeId = p.Id, FiscalYear = fy, AmountMillionYen = amount,
                    PublishedText = amount?.ToString("N0", CultureInfo.InvariantCulture) ?? "", Status = blank ? BudgetStatus.Blank : BudgetStatus.Published,
                });
            }
            list.Add(new BudgetLine
            {
                Id = list.Count + 1, ProgrammeId = p.Id, FiscalYear = null, AmountMillionYen = total,
                PublishedText = total.ToString("N0", CultureInfo.InvariantCulture), Status = BudgetStatus.Published,
            });
        }
        return list;
    }

    /// <summary>The term as a source prints it: "H19-H23", "H29-R3".</summary>
    internal static string Term(int start, int? end) => end is null ? $"{EraYear(start)}-" : $"{EraYear(start)}-{EraYear(end.Value)}";

    private static string EraYear(int fy)
    {
        var era = Japanese.JapaneseEra.Naming(fy)!;
        return era.Letter + (fy - era.FirstYear + 1).ToString(CultureInfo.InvariantCulture);
    }
}
