namespace ClusterAtlas.Cli;

/// <summary>Parsed arguments: command words and --options (flags or with a value).</summary>
public sealed class CommandLine
{
    // Options that take a value; every other --option is a flag.
    private static readonly HashSet<string> WithValue = new(["provider", "connection", "format", "out", "data", "role", "region", "organisation", "name", "expires-days", "projects", "seed", "encoding", "table"], StringComparer.Ordinal);

    public List<string> Words { get; } = [];
    public Dictionary<string, string?> Options { get; } = new(StringComparer.Ordinal);
    public string? Error { get; private set; }

    public bool Has(string name) => Options.ContainsKey(name);

    public string? Value(string name) => Options.GetValueOrDefault(name);

    /// <summary>All values of an option given once with commas or several times.</summary>
    public List<string> Values(string name) =>
        (Value(name) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    public static CommandLine Parse(string[] args)
    {
        var result = new CommandLine();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "--help")
            {
                result.Options["help"] = null;
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                var name = arg[2..];
                string? value = null;
                var eq = name.IndexOf('=', StringComparison.Ordinal);
                if (eq >= 0)
                {
                    value = name[(eq + 1)..];
                    name = name[..eq];
                }
                else if (WithValue.Contains(name))
                {
                    if (i + 1 >= args.Length)
                    {
                        result.Error = $"--{name} needs a value.";
                        return result;
                    }
                    value = args[++i];
                }
                // A repeated option (--region A --region B) collects its values, comma-separated.
                result.Options[name] = result.Options.TryGetValue(name, out var earlier) && earlier is not null && value is not null ? earlier + "," + value : value;
            }
            else
            {
                result.Words.Add(arg);
            }
        }
        return result;
    }
}
