using System.Globalization;
using System.Text.Json;
using ClusterAtlas.Bench;
using ClusterAtlas.Data;

// The benchmark's in-process timing harness; bench/run.sh drives it. Usage:
//   ClusterAtlas.Bench search --provider Sqlite|Postgres --connection CS [--warmup N] [--rounds N] [--runs N] --out FILE.json
//   ClusterAtlas.Bench reindex --provider Sqlite|Postgres --connection CS --out FILE.json   (times SearchIndexer alone)
var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 1; i + 1 < args.Length; i += 2)
{
    options[args[i].TrimStart('-')] = args[i + 1];
}
if (args.Length == 0 || args[0] is not ("search" or "reindex") || !options.TryGetValue("provider", out var provider)
    || !options.TryGetValue("connection", out var connection) || !options.TryGetValue("out", out var outFile))
{
    await Console.Error.WriteLineAsync("usage: ClusterAtlas.Bench search|reindex --provider Sqlite|Postgres --connection CS [--warmup N] [--rounds N] [--runs N] --out FILE.json");
    return 2;
}
int Number(string name, int fallback) => options.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

var database = new DatabaseOptions(Enum.Parse<DatabaseProvider>(provider, ignoreCase: true), connection);
if (args[0] == "reindex")
{
    var seconds = await Reindex.RunAsync(database, CancellationToken.None);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"search index rebuilt in {seconds:0.0} s"));
    await File.WriteAllTextAsync(outFile, string.Create(CultureInfo.InvariantCulture, $"{{\"seconds\": {seconds:0.000}}}"));
    return 0;
}
using var latency = new SearchLatency(database, Number("warmup", 3), Number("runs", 20), Number("rounds", 200));
var timings = await latency.RunAsync(SearchLatency.DefaultClasses, CancellationToken.None);
foreach (var t in timings)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{t.Class,-6} hits≤{t.Hits,8}  api p50 {t.Api.P50,7:0.0} p95 {t.Api.P95,7:0.0}  portal p50 {t.Portal.P50,7:0.0} p95 {t.Portal.P95,7:0.0}  bare p50 {t.Bare.P50,7:0.0} p95 {t.Bare.P95,7:0.0} ms"));
}
await File.WriteAllTextAsync(outFile, JsonSerializer.Serialize(timings, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }));
return 0;
