using System.Text.Json;
using ClusterAtlas.Events;
using ClusterAtlas.IndustrialClusters;
using ClusterAtlas.Indicators;
using ClusterAtlas.International;
using ClusterAtlas.Ministries;
using ClusterAtlas.Organisations;
using ClusterAtlas.People;
using ClusterAtlas.Programmes;
using ClusterAtlas.Regions;
using ClusterAtlas.Seeding;
using ClusterAtlas.Sources;
using ClusterAtlas.Surveys;
using ClusterAtlas.Transfer;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ClusterAtlas.Generation;

public sealed record GenerateRequest(int Projects, ulong Seed, string OutDir);

/// <summary>
/// atlas generate: writes a synthetic registry of <see cref="GenerateRequest.Projects"/> projects as a CSV dump that
/// `atlas import` reads (manifest.json + one file per table). The same seed and size give the same bytes in every file,
/// manifest included (its timestamp is fixed), on any machine.
/// </summary>
public sealed class GenerateDataset(IModel model)
{
    /// <summary>The manifest's export time: fixed, so that the manifest is as reproducible as the tables.</summary>
    public static readonly DateTimeOffset GeneratedAt = new(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);

    public const string Provider = "atlas generate";

    public Manifest Run(GenerateRequest request, Action<string>? progress, CancellationToken ct)
    {
        var data = new SyntheticDataset(new GenerationScale(request.Projects), request.Seed);
        var sources = RowSources(data);
        var tables = TransferTables.All(model);
        var missing = tables.Where(t => !sources.ContainsKey(t.ClrType)).Select(t => t.GetTableName()).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"atlas generate has no rows for table(s) {string.Join(", ", missing)}; add them to {nameof(GenerateDataset)}.");
        }
        Directory.CreateDirectory(request.OutDir);
        var files = new ManifestFile[tables.Count];
        // Each file depends only on the seed, so the tables are written side by side; the manifest keeps the table order.
        Parallel.For(0, tables.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = ct }, i =>
        {
            files[i] = DumpTableWriter.Write(tables[i], sources[tables[i].ClrType](), request.OutDir, ct);
            progress?.Invoke($"{files[i].File}: {files[i].Rows} rows");
        });
        var manifest = new Manifest("csv", Manifest.CurrentVersion, GeneratedAt, Provider, files) { Encoding = TableEncoding.Utf8.Name() };
        File.WriteAllText(Path.Combine(request.OutDir, Manifest.FileName), JsonSerializer.Serialize(manifest, ExportDump.ManifestJson));
        return manifest;
    }

    /// <summary>Rows per table. The load history (DatasetLoads) stays empty: a generated dump is not the curated dataset.</summary>
    private static Dictionary<Type, Func<IEnumerable<object>>> RowSources(SyntheticDataset d) => new()
    {
        [typeof(SourceDocument)] = d.SourceDocuments,
        [typeof(Citation)] = d.Citations,
        [typeof(Ministry)] = SyntheticDataset.Ministries,
        [typeof(Programme)] = d.Programmes,
        [typeof(ProgrammeLineage)] = d.ProgrammeLineages,
        [typeof(BudgetLine)] = d.BudgetLines,
        [typeof(MeasureCooperation)] = d.MeasureCooperations,
        [typeof(Region)] = d.Regions,
        [typeof(RegionAlias)] = d.RegionAliases,
        [typeof(RegionPrefecture)] = d.RegionPrefectures,
        [typeof(RegionField)] = d.RegionFields,
        [typeof(RegionProposer)] = d.RegionProposers,
        [typeof(Participation)] = d.Participations,
        [typeof(Organisation)] = d.Organisations,
        [typeof(Person)] = d.People,
        [typeof(RoleAssignment)] = d.RoleAssignments,
        [typeof(InternationalLink)] = d.InternationalLinks,
        [typeof(IndustrialClusterProject)] = d.IndustrialClusterProjects,
        [typeof(Event)] = d.Events,
        [typeof(Indicator)] = SyntheticDataset.Indicators,
        [typeof(IndicatorObservation)] = d.IndicatorObservations,
        [typeof(Survey)] = d.Surveys,
        [typeof(SurveyAnswer)] = d.SurveyAnswers,
        [typeof(DatasetLoad)] = () => [],
    };
}
