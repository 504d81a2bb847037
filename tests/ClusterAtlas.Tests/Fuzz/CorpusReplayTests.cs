using ClusterAtlas.Fuzz;
using ClusterAtlas.Tests.Infrastructure;
using Xunit;

namespace ClusterAtlas.Tests.Fuzz;

/// <summary>
/// Replays every seed (fuzz/corpus/TARGET/*) and every saved finding (fuzz/crashes/TARGET/*) through the fuzz
/// harness's own target bodies, so a fixed crash or hang stays fixed without AFL++ installed.
/// </summary>
public class CorpusReplayTests
{
    // afl-fuzz runs with -t 5000; a parser input that takes this long is a hang, not a slow machine.
    private static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(5);

    private static string FuzzFolder => Path.Combine(Path.GetDirectoryName(RepositoryPaths.DataFolder)!, "fuzz");

    public static TheoryData<string, string> Inputs()
    {
        var data = new TheoryData<string, string>();
        foreach (var kind in new[] { "corpus", "crashes" })
        {
            var folder = Path.Combine(FuzzFolder, kind);
            if (!Directory.Exists(folder))
            {
                continue;
            }

            // Only files inside a target folder are inputs; a README beside them is not.
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Where(f => Path.GetDirectoryName(f) != folder).Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetFileName(Path.GetDirectoryName(file))!, Path.GetRelativePath(FuzzFolder, file));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task Replay_SavedInput_OnlyExpectedOutcomesWithinTimeLimit(string target, string file)
    {
        Assert.True(FuzzTargets.All.TryGetValue(target, out var run), $"{file}: no fuzz target named '{target}'");
        var input = File.ReadAllBytes(Path.Combine(FuzzFolder, file));

        // A hung input cannot be stopped; the test fails and leaves it running, which is what a hang is.
        var replay = Task.Run(() => run!(input));
        var finished = await Task.WhenAny(replay, Task.Delay(TimeLimit));
        Assert.True(finished == replay, $"{file}: still running after {TimeLimit.TotalSeconds} s (a hang)");

        // The harness throws for any undocumented exception or broken invariant; awaiting rethrows it as is.
        await replay;
    }

    [Fact]
    public void Corpus_EveryTarget_HasSeeds()
    {
        foreach (var target in FuzzTargets.All.Keys)
        {
            var folder = Path.Combine(FuzzFolder, "corpus", target);
            Assert.True(Directory.Exists(folder) && Directory.EnumerateFiles(folder).Any(), $"no seeds in fuzz/corpus/{target}");
        }
    }
}
