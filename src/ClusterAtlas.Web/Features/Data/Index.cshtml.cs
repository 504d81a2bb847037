using System.Globalization;
using ClusterAtlas.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace ClusterAtlas.Web.Features.Data;

/// <summary>/data: what can be downloaded (every table, the full dump, the CLI's formats) and the latest dump's manifest.</summary>
public sealed class IndexModel(DumpCache cache) : PortalPageModel
{
    public CachedDump Dump { get; private set; } = null!;

    public DataTable Files { get; private set; } = new("manifest", "");

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Dump = await cache.GetAsync(ct);
        Files = new DataTable("manifest", T["data.manifest.table"], T["data.manifest.tableName"], T["data.manifest.file"], T["data.manifest.rows"], T["data.manifest.sha256"])
        {
            Json = Dump.Manifest,
        };
        foreach (var f in Dump.Manifest.Files)
        {
            Files.Add(f.Table, f.File, Cell.Num(T.Number(f.Rows), f.Rows.ToString(CultureInfo.InvariantCulture)), new Cell([new CellPart(f.Sha256)], [], Css: "hash"));
        }
        return PageOrData(Files);
    }
}
