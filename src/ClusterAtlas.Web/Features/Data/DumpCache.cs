using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using ClusterAtlas.Data;
using ClusterAtlas.Transfer;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Web.Features.Data;

/// <summary>The latest full dump as a zip (JSON files + manifest.json), its manifest and an ETag-able key.</summary>
public sealed record CachedDump(string Key, string ZipPath, Manifest Manifest, long ZipBytes);

/// <summary>
/// Builds the portal's full dump with <see cref="ExportDump"/> (JSON) into a private temporary folder, zips it, and keeps
/// it until the registry changes. The registry's content is named by the dataset version loaded (DatasetLoads) and the
/// newest audit entry (every import and edit is audited), so a request costs two small queries, not an export. One
/// build at a time; older zips are deleted when a new one is ready, and the folder when the app stops.
/// Changes made around the application (SQL by hand) are not seen until the next restart.
/// </summary>
public sealed class DumpCache(IServiceScopeFactory scopes, ILogger<DumpCache> logger) : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "clusteratlas-dumps", Guid.NewGuid().ToString("N"));
    private readonly SemaphoreSlim gate = new(1, 1);
    private CachedDump? current;

    /// <summary>How many dumps this instance has built (the cache is doing its work when this stays put).</summary>
    public int Builds { get; private set; }

    public async Task<CachedDump> GetAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AtlasDbContext>();
        var key = await KeyAsync(db, ct);
        if (current is { } ready && ready.Key == key && File.Exists(ready.ZipPath))
        {
            return ready;
        }
        await gate.WaitAsync(ct);
        try
        {
            if (current is { } built && built.Key == key && File.Exists(built.ZipPath))
            {
                return built;
            }
            var dump = await BuildAsync(db, key, ct);
            var previous = current;
            current = dump;
            if (previous is not null)
            {
                File.Delete(previous.ZipPath);
            }
            return dump;
        }
        finally
        {
            gate.Release();
        }
    }

    private static async Task<string> KeyAsync(AtlasDbContext db, CancellationToken ct)
    {
        var load = await db.DatasetLoads.OrderByDescending(d => d.Id).Select(d => new { d.Id, d.DatasetHash }).FirstOrDefaultAsync(ct);
        var audit = await db.AuditEntries.MaxAsync(a => (long?)a.Id, ct) ?? 0;
        var text = string.Create(CultureInfo.InvariantCulture, $"{load?.Id}:{load?.DatasetHash}:{audit}");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }

    private async Task<CachedDump> BuildAsync(AtlasDbContext db, string key, CancellationToken ct)
    {
        var folder = Path.Combine(root, key);
        var zip = Path.Combine(root, $"atlas-dump-{key}.zip");
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
        var started = System.Diagnostics.Stopwatch.StartNew();
        var result = await new ExportDump(db, TimeProvider.System).RunAsync(new ExportOptions(TableFormat.Json), folder, null, ct);
        var manifest = result.Manifest ?? throw new InvalidOperationException(string.Join("\n", result.Errors.Lines()));
        File.Delete(zip);
        ZipFile.CreateFromDirectory(folder, zip, CompressionLevel.Optimal, includeBaseDirectory: false);
        Directory.Delete(folder, recursive: true);
        Builds++;
        logger.LogInformation("Built the full dump {Key}: {Rows} rows in {Seconds:F1} s", key, manifest.Files.Sum(f => f.Rows), started.Elapsed.TotalSeconds);
        return new CachedDump(key, zip, manifest, new FileInfo(zip).Length);
    }

    public void Dispose()
    {
        gate.Dispose();
        try
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
        catch (IOException e)
        {
            logger.LogWarning(e, "Could not remove the dump folder {Folder}", root);
        }
    }
}
