using Xunit;

namespace ClusterAtlas.Tests.Transfer;

/// <summary>Compares a record's cells (null = no value) with what a test expects.</summary>
internal static class Cells
{
    public static void Equal(IEnumerable<string?> expected, IEnumerable<string?> actual) => Assert.Equal(expected.ToList(), actual.ToList());
}
