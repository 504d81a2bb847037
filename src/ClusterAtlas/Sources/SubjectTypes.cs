namespace ClusterAtlas.Sources;

/// <summary>Names of the record kinds a <see cref="Citation"/> can point at (stable: stored and exported).</summary>
public static class SubjectTypes
{
    public const string Ministry = "ministry";
    public const string Programme = "programme";
    public const string Lineage = "programme-lineage";
    public const string Budget = "budget";
    public const string Cooperation = "cooperation";
    public const string Region = "region";
    public const string RegionAlias = "region-alias";
    public const string Participation = "participation";
    public const string Organisation = "organisation";
    public const string Person = "person";
    public const string RoleAssignment = "role-assignment";
    public const string Link = "link";
    public const string IndustrialCluster = "industrial-cluster";
    public const string Event = "event";
    public const string Observation = "indicator-observation";
    public const string Survey = "survey";
    public const string SurveyAnswer = "survey-answer";
}
