using System.Globalization;
using ClusterAtlas.Generation.Vocabulary;
using ClusterAtlas.Indicators;

namespace ClusterAtlas.Generation;

public sealed partial class SyntheticDataset
{
    private static readonly string[] Sectors = ["all", "all", "company", "university-public"];

    public static IEnumerable<Indicator> Indicators() =>
        Institutions.Indicators.Select((d, i) => new Indicator { Id = i + 1, Code = d.Code, NameJa = d.Ja, NameEn = d.En, Unit = d.Unit });

    /// <summary>
    /// Each project reports <see cref="GenerationScale.ObservationsPerProject"/> values: indicators of its region and
    /// track for years of its term. A few are published as 「－」 (no data), some are cumulative or approximate.
    /// </summary>
    public IEnumerable<IndicatorObservation> IndicatorObservations()
    {
        GeneratedProject? project = null;
        for (long i = 0; i < Scale.Observations; i++)
        {
            var projectIndex = i / GenerationScale.ObservationsPerProject;
            if (project is null || project.Participation.Id != projectIndex + 1)
            {
                project = ProjectAt(projectIndex);
            }
            yield return ObservationOf(project, i);
        }
    }

    private IndicatorObservation ObservationOf(GeneratedProject project, long index)
    {
        var rng = Rng(RowKind.Observation, index);
        var p = project.Participation;
        var indicatorIndex = rng.Below(Institutions.Indicators.Count);
        var definition = Institutions.Indicators[indicatorIndex];
        var last = p.EndFiscalYear ?? LastFiscalYear;
        var year = p.StartFiscalYear + rng.Below(last - p.StartFiscalYear + 1);
        var noData = rng.Chance(0.03);
        decimal? value = noData ? null : definition.Unit == "百万円" ? rng.Below(50_000) / 10m : rng.Below(300);
        var cumulative = rng.Chance(0.1);
        return new IndicatorObservation
        {
            Id = (int)index + 1, IndicatorId = indicatorIndex + 1, ProgrammeId = rng.Chance(0.5) ? p.ProgrammeId : null, RegionId = p.RegionId,
            Sector = rng.Pick(Sectors), FiscalYearFrom = cumulative ? p.StartFiscalYear : year, FiscalYearTo = year,
            Value = value, PublishedText = value?.ToString("#,0.#", CultureInfo.InvariantCulture) ?? "－", Unit = definition.Unit,
            Cumulative = cumulative, Approximate = rng.Chance(0.05), Target = rng.Chance(0.1) ? rng.Below(400) : null,
            Status = noData ? ObservationStatus.NoData : ObservationStatus.Published, Basis = Basis.Published,
        };
    }
}
