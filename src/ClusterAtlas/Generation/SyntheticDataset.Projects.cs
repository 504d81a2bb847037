using System.Globalization;
using ClusterAtlas.Generation.Vocabulary;
using ClusterAtlas.Programmes;
using ClusterAtlas.Regions;

namespace ClusterAtlas.Generation;

public sealed partial class SyntheticDataset
{
    /// <summary>A project (participation) with what other tables say about it: its region, its track and its field.</summary>
    private sealed record GeneratedProject(Participation Participation, GeneratedRegion Region, int Track, Field Field);

    /// <summary>Projects are adopted in tracks in contiguous blocks: track t holds projects [TrackStart(t), TrackStart(t+1)).</summary>
    private long TrackStart(int track) => (long)track * Scale.Projects / tracks.Count;

    private int TrackOf(long project)
    {
        // The last track whose block starts at or before the project.
        int low = 0, high = tracks.Count - 1;
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            if (TrackStart(mid) <= project) { low = mid; } else { high = mid - 1; }
        }
        return low;
    }

    public IEnumerable<Participation> Participations()
    {
        for (long i = 0; i < Scale.Projects; i++)
        {
            yield return ProjectAt(i).Participation;
        }
    }

    /// <summary>Project <paramref name="index"/> (0-based; its Id is index + 1), the same every time it is asked for.</summary>
    private GeneratedProject ProjectAt(long index)
    {
        var rng = Rng(RowKind.Project, index);
        var t = TrackOf(index);
        var track = tracks[t];
        var region = rng.Pick(regions);
        // Regions work mostly in their own fields, so a field's words hit the projects and regions of that field.
        var field = rng.Chance(0.8) ? rng.Pick(region.Fields) : rng.Pick(Themes.Fields);
        var theme = rng.Pick(field.Themes);
        var suffix = rng.Pick(Themes.ClusterSuffixes);
        var place = rng.Chance(0.6) ? region.City.Ja : region.Prefecture.Ja;
        var clusterName = $"{place}{theme.Ja}{suffix.Ja}";
        var sentence = rng.Chance(0.3)
            ? $"{theme.Ja}と{rng.Pick(rng.Pick(Themes.Fields).Themes).Ja}の融合による{rng.Pick(Themes.Targets)}の{rng.Pick(Themes.Actions)}"
            : $"{theme.Ja}を核とした{rng.Pick(Themes.Targets)}の{rng.Pick(Themes.Actions)}";
        var trackStart = track.StartFiscalYear!.Value;
        var trackEnd = track.EndFiscalYear!.Value;
        var start = trackStart + rng.Below(Math.Max(1, trackEnd - trackStart - 1));
        int? end = Math.Min(trackEnd, start + rng.Between(2, 4));
        if (end >= 2024 && rng.Chance(0.5))
        {
            end = null; // still running
        }
        var listNo = (int)(index - TrackStart(t)) + 1;
        var participation = new Participation
        {
            Id = (int)index + 1, RegionId = region.Region.Id, ProgrammeId = track.Id, StartFiscalYear = start, EndFiscalYear = end,
            TermText = Term(start, end), ClusterName = clusterName, Theme = sentence,
            SourcePage = "P" + (listNo / 2 + 3).ToString(CultureInfo.InvariantCulture), ListNo = listNo,
            GroupLabel = rng.Chance(0.3) ? region.Prefecture.Block + "ブロック" : null,
            Basis = rng.Chance(0.05) ? Basis.Inferred : Basis.Published,
            Note = rng.Chance(0.02) ? "term inferred from the adoption year (synthetic)" : null,
        };
        return new GeneratedProject(participation, region, t, field);
    }

    /// <summary>The line of the track's adoption list that describes the project (what its citation quotes).</summary>
    private static string ProjectLine(GeneratedProject p) =>
        $"{p.Participation.ListNo!.Value.ToString(CultureInfo.InvariantCulture)}. {p.Region.Region.NameJa}　{p.Participation.ClusterName}（{p.Participation.TermText}）";

    private IEnumerable<BudgetLine> BudgetsOf(Programme p) => budgetsByProgramme[p.Id];
}
