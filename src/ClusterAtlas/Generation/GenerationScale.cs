namespace ClusterAtlas.Generation;

/// <summary>
/// How many rows of each kind `atlas generate --projects N` writes. The ratios are those of a national grant database
/// (the benchmark's default, N = 1,000,000): organisations N/5, people N/2, role assignments 2N, indicator observations
/// 10N. Regions grow with N (N/300, so a region keeps about 300 projects at every scale, as real regions do), and
/// programmes too, to a few hundred.
/// </summary>
public sealed record GenerationScale
{
    public const int DefaultProjects = 1_000_000;

    /// <summary>Every programme is written with this many tracks under it (projects belong to tracks).</summary>
    public const int TracksPerProgramme = 3;

    public GenerationScale(int projects)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(projects, 1);
        Projects = projects;
        Regions = Math.Max(8, projects / 300);
        ProgrammeGroups = Math.Clamp(projects / 12_000, 3, 90);
        Organisations = Math.Max(10, projects / 5);
        People = Math.Max(10, projects / 2);
        RoleAssignments = 2L * projects;
        Observations = 10L * projects;
        Links = Math.Max(4, projects / 50);
        Events = Math.Max(4, projects / 100);
        IndustrialClusters = Math.Clamp(projects / 25_000, 4, 40);
        Surveys = Math.Clamp(projects / 100_000, 1, 20);
    }

    public int Projects { get; }
    public int Regions { get; }
    /// <summary>Top-level programmes; each has <see cref="TracksPerProgramme"/> tracks, so there are 4× as many programme rows.</summary>
    public int ProgrammeGroups { get; }
    public int Programmes => ProgrammeGroups * (TracksPerProgramme + 1);
    public int Tracks => ProgrammeGroups * TracksPerProgramme;
    public int Organisations { get; }
    public int People { get; }
    public long RoleAssignments { get; }
    public long Observations { get; }
    public int Links { get; }
    public int Events { get; }
    public int IndustrialClusters { get; }
    public int Surveys { get; }

    /// <summary>Observations per project: each project reports its indicators for the years of its term.</summary>
    public const int ObservationsPerProject = 10;
}
