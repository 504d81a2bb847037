namespace ClusterAtlas.Tests.Infrastructure;

/// <summary>Locates the repository's data/ folder from the test's working directory.</summary>
public static class RepositoryPaths
{
    public static string DataFolder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "data");
                if (Directory.Exists(Path.Combine(candidate, "sources")) && File.Exists(Path.Combine(dir.FullName, "ClusterAtlas.slnx")))
                {
                    return candidate;
                }
            }
            throw new DirectoryNotFoundException("data/ not found above " + AppContext.BaseDirectory);
        }
    }
}
