using ClusterAtlas.Fuzz;
using SharpFuzz;

// Usage: ClusterAtlas.Fuzz <target>   (or FUZZ_TARGET=<target>), one input on stdin.
// Under afl-fuzz, SharpFuzz runs its fork-server loop; outside it, the input runs once, so
// `dotnet ClusterAtlas.Fuzz.dll term < fuzz/crashes/term/x` reproduces a finding with its stack trace.
var name = args.FirstOrDefault() ?? Environment.GetEnvironmentVariable("FUZZ_TARGET");
if (name is null || !FuzzTargets.All.TryGetValue(name, out var target))
{
    await Console.Error.WriteLineAsync($"usage: ClusterAtlas.Fuzz <target>; targets: {string.Join(", ", FuzzTargets.All.Keys)}");
    return 2;
}

Fuzzer.OutOfProcess.Run(stream =>
{
    using var copy = new MemoryStream();
    stream.CopyTo(copy);
    target(copy.ToArray());
});
return 0;
