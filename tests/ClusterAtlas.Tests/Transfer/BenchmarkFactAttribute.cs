using Xunit;

namespace ClusterAtlas.Tests.Transfer;

/// <summary>A fact that runs only when tools/bench-import.sh asks for it (ATLAS_BENCH_DIR set); skipped otherwise.</summary>
public sealed class BenchmarkFactAttribute : FactAttribute
{
    public const string FolderVariable = "ATLAS_BENCH_DIR";
    public const string ScaleVariable = "ATLAS_BENCH_SCALE";

    public BenchmarkFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(FolderVariable)))
        {
            Skip = $"benchmark: run tools/bench-import.sh (sets {FolderVariable})";
        }
    }
}
