using System.Diagnostics;
using System.Globalization;
using ClusterAtlas.Generation;

namespace ClusterAtlas.Cli.Commands;

/// <summary>atlas generate: a synthetic national-scale registry as a CSV dump, for benchmarks and load tests.</summary>
internal static class GenerateCommand
{
    public const string Help = """
        atlas generate --projects N [--seed S] [--out DIR]
          Writes a deterministic synthetic registry of N projects (participations) as a CSV dump that `atlas import`
          reads: Japanese regions, organisations, people, themes, programmes with budgets, indicators, links, events and
          citations of synthetic source documents. Other tables scale with N: organisations N/5, people N/2, role
          assignments 2N, indicator observations 10N, regions N/300. The same N and seed (default 1) give the same bytes.
          DIR defaults to ./synthetic-N. Nothing is read from or written to the database.
        """;

    public static Task<int> RunAsync(CommandContext c, CancellationToken ct)
    {
        if (!int.TryParse(c.Args.Value("projects"), NumberStyles.None, CultureInfo.InvariantCulture, out var projects) || projects < 1
            || (c.Args.Value("seed") is { } seedText && !ulong.TryParse(seedText, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            || c.Args.Words.Count != 1)
        {
            c.Error.WriteLine("usage: atlas generate --projects N [--seed S] [--out DIR]   (N ≥ 1, S a non-negative integer)");
            return Task.FromResult(ExitCodes.Usage);
        }
        var seed = c.Args.Value("seed") is { } s ? ulong.Parse(s, CultureInfo.InvariantCulture) : 1UL;
        var outDir = c.Args.Value("out") ?? $"synthetic-{projects.ToString(CultureInfo.InvariantCulture)}";
        var clock = Stopwatch.StartNew();
        var manifest = new GenerateDataset(c.Db.Model).Run(new GenerateRequest(projects, seed, outDir), m => c.Error.WriteLine($"… {m}"), ct);
        c.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Generated {manifest.Files.Sum(f => (long)f.Rows)} rows in {manifest.Files.Count} files to {Path.GetFullPath(outDir)} in {clock.Elapsed.TotalSeconds:0.0} s."));
        return Task.FromResult(ExitCodes.Ok);
    }
}
