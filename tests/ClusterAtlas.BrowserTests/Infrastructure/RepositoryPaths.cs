namespace ClusterAtlas.BrowserTests.Infrastructure;

/// <summary>Folders of the repository, found from the test's output folder (the one holding ClusterAtlas.slnx).</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string DataFolder => Path.Combine(Root, "data");

    public static string WebRoot => Path.Combine(Root, "src", "ClusterAtlas.Web", "wwwroot");

    /// <summary>TestResults/screenshots under the repository root; created on first use.</summary>
    public static string Screenshots
    {
        get
        {
            var folder = Path.Combine(Root, "TestResults", "screenshots");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ClusterAtlas.slnx")) && Directory.Exists(Path.Combine(dir.FullName, "data", "sources")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException("repository root (ClusterAtlas.slnx) not found above " + AppContext.BaseDirectory);
    }
}
