using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ClusterAtlas.Data;
using ClusterAtlas.Search;
using ClusterAtlas.Sources;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Seeding;

/// <summary>What seeding did: loaded the dataset, found it already loaded, or refused to overwrite other data.</summary>
public enum SeedOutcome { Loaded, AlreadyLoaded, RefusedOtherData }

public sealed record SeedResult(SeedOutcome Outcome, string DatasetHash, int Records, string Message)
{
    public bool Loaded => Outcome == SeedOutcome.Loaded;
}

/// <summary>Thrown when the curated dataset has errors; nothing has been written.</summary>
public sealed class DatasetException(IReadOnlyList<string> errors)
    : Exception($"The curated dataset has {errors.Count} error(s):\n  " + string.Join("\n  ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}

/// <summary>
/// Loads the curated dataset (data/) into an empty database in one transaction. Idempotent: a database that already
/// holds the same dataset version is left alone; one holding a different version is replaced only when asked to.
/// </summary>
public sealed class SeedCuratedDataset(AtlasDbContext db, TimeProvider clock)
{
    public async Task<SeedResult> RunAsync(string dataFolder, bool replace, CancellationToken ct, Action<string>? progress = null)
    {
        var reader = new DatasetReader(dataFolder);
        var hash = reader.ComputeHash();
        var current = await db.DatasetLoads.OrderByDescending(x => x.Id).FirstOrDefaultAsync(ct);
        if (current?.DatasetHash == hash)
        {
            return new SeedResult(SeedOutcome.AlreadyLoaded, hash, current.RecordCount, "The database already holds this dataset version; nothing to do.");
        }
        var hasData = current is not null || await db.Regions.AnyAsync(ct) || await db.Programmes.AnyAsync(ct);
        if (hasData && !replace)
        {
            return new SeedResult(SeedOutcome.RefusedOtherData, hash, 0,
                "The database holds other data (another dataset version or imported records). Use --replace to reload the curated dataset.");
        }

        progress?.Invoke("reading and checking the dataset");
        var sources = ReadSources(reader);
        var builder = new DatasetBuilder(reader, sources);
        var graph = builder.Build();
        if (reader.Errors.Count > 0)
        {
            throw new DatasetException(reader.Errors);
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (hasData)
            {
                progress?.Invoke("removing the previous data");
                await DatabaseWipe.DeleteAllAsync(db, ct);
            }
            progress?.Invoke("writing records");
            db.SourceDocuments.AddRange(sources.Values);
            graph.AddTo(db);
            await db.SaveChangesAsync(ct);
            graph.ResolveCitationSubjects();
            db.Citations.AddRange(graph.Citations);
            await db.SaveChangesAsync(ct);
            progress?.Invoke("building the search index");
            await SearchIndexer.RebuildAsync(db, ct);
            var records = graph.RecordCount + graph.Citations.Count + sources.Count;
            db.DatasetLoads.Add(new DatasetLoad { DatasetHash = hash, LoadedAt = clock.GetUtcNow(), RecordCount = records });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
            return new SeedResult(SeedOutcome.Loaded, hash, records, $"Loaded {records} records from {reader.Root}.");
        });
    }

    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    private static Dictionary<string, SourceDocument> ReadSources(DatasetReader reader)
    {
        var descriptions = new Dictionary<string, SourceFile>(StringComparer.Ordinal);
        var descriptionFile = Path.Combine(reader.Root, "sources.json");
        if (File.Exists(descriptionFile))
        {
            var list = JsonSerializer.Deserialize<List<SourceFile>>(File.ReadAllText(descriptionFile),
                WebJson) ?? [];
            descriptions = list.ToDictionary(x => x.Id, StringComparer.Ordinal);
        }
        var result = new Dictionary<string, SourceDocument>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(Path.Combine(reader.Root, "sources"), "*.txt").Order(StringComparer.Ordinal))
        {
            var id = Path.GetFileNameWithoutExtension(file);
            var bytes = File.ReadAllBytes(file);
            var text = Encoding.UTF8.GetString(bytes);
            descriptions.TryGetValue(id, out var d);
            result[id] = new SourceDocument
            {
                Id = id,
                TitleJa = d?.TitleJa ?? id,
                TitleEn = d?.TitleEn,
                Publisher = d?.Publisher,
                Url = d?.Url,
                DescriptionEn = d?.DescriptionEn,
                Text = text,
                LineCount = text.Split('\n').Length,
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            };
        }
        return result;
    }
}
