using Xunit;

namespace ClusterAtlas.Tests.Transfer;

/// <summary>Tests that sample the process's live memory run alone, so other tests' allocations do not blur the numbers.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasurements
{
    public const string Name = "memory measurements";
}
