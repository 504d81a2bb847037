namespace ClusterAtlas.Cli;

/// <summary>Exit codes scripts can rely on.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>Unexpected failure (database unreachable, I/O error …).</summary>
    public const int Failure = 1;
    /// <summary>The command line was wrong; usage was printed.</summary>
    public const int Usage = 2;
    /// <summary>The input (dataset, dump) has errors; nothing was written.</summary>
    public const int InvalidInput = 3;
    /// <summary>The data is readable but published figures contradict each other (`atlas check`); nothing was changed.</summary>
    public const int InconsistentData = 4;
}
