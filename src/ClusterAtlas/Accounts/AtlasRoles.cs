namespace ClusterAtlas.Accounts;

/// <summary>The roles of the registry. Anonymous visitors have none and read published data only.</summary>
public static class AtlasRoles
{
    /// <summary>Proposes changes (change requests); may be limited to regions or organisations.</summary>
    public const string Editor = "editor";
    /// <summary>Approves or rejects change requests (never their own).</summary>
    public const string Reviewer = "reviewer";
    /// <summary>Manages users and roles; may also review.</summary>
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Editor, Reviewer, Admin];

    public static string? Parse(string? text) => All.FirstOrDefault(r => string.Equals(r, text?.Trim(), StringComparison.OrdinalIgnoreCase));
}

/// <summary>Authorization policy names, shared by the portal pages, the API and the authorization matrix test.</summary>
public static class AtlasPolicies
{
    /// <summary>Any signed-in account (own profile and tokens).</summary>
    public const string SignedIn = "signed-in";
    /// <summary>Editor, reviewer or admin: propose changes.</summary>
    public const string Edit = "edit";
    /// <summary>Reviewer or admin: decide change requests, read the audit log of records.</summary>
    public const string Review = "review";
    /// <summary>Admin: users, roles, the whole audit log.</summary>
    public const string Admin = "admin";

    public static IReadOnlyList<string> RolesFor(string policy) => policy switch
    {
        Edit => [AtlasRoles.Editor, AtlasRoles.Reviewer, AtlasRoles.Admin],
        Review => [AtlasRoles.Reviewer, AtlasRoles.Admin],
        Admin => [AtlasRoles.Admin],
        _ => [],
    };
}
