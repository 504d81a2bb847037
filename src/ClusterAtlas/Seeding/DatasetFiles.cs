namespace ClusterAtlas.Seeding;

// The shapes of the curated dataset's JSON files (data/README.md documents them for reviewers).
#pragma warning disable CA1819 // Arrays are the natural shape of deserialised JSON lists here.

public sealed record CiteFile(string? Doc, int? Line, int? LineEnd, string Quote, string? Field, string? Url);

public sealed record SourceFile(string Id, string TitleJa, string? TitleEn, string? Publisher, string? Url, string? DescriptionEn);

public sealed record MinistryFile(string Code, string NameJa, string NameEn, CiteFile[]? Cite);

public sealed record ProgrammeFile(
    string Code, string NameJa, string NameEn, string Kind, string? Parent, string? Ministry, string? TermText,
    int? StartFy, int? EndFy, string? AimsJa, string? ProgressJa, string? Note, CiteFile[]? Cite);

public sealed record LineageFile(string From, string To, string Kind, string? Note, CiteFile[]? Cite);

public sealed record BudgetFile(
    string Measure, int? Fy, string PublishedText, decimal? Amount, string Status, string? Footnote, string? Note, CiteFile[]? Cite);

public sealed record CooperationFile(
    string From, string To, string Kind, string DescriptionJa, int? FyFrom, int? FyTo, string? Note, CiteFile[]? Cite);

public sealed record AliasFile(string? Region, string Name, string? Basis, string? Note, CiteFile[]? Cite);

public sealed record ProposerFile(string Name, string Kind);

public sealed record RegionFile(
    string Code, string NameJa, string NameEn, string[]? Prefectures, string[]? Fields, ProposerFile[]? Proposers,
    double? Latitude, double? Longitude, AliasFile[]? Aliases, string? Note, CiteFile[]? Cite);

public sealed record ParticipationFile(
    string Region, string Programme, int StartFy, int? EndFy, string TermText, string? ClusterName, string? Theme,
    string? SourcePage, int? ListNo, string? GroupLabel, string? Basis, string? Note, CiteFile[]? Cite);

public sealed record OrganisationFile(
    string Code, string NameJa, string? NameEn, string Kind, string? Country, string? Note, CiteFile[]? Cite);

public sealed record PersonFile(string Code, string NameJa, string? NameEn, string? Note, CiteFile[]? Cite);

public sealed record RoleFile(
    string Person, string Title, string? Region, string? Organisation, string? FromDate, string? ToDate, string? Note, CiteFile[]? Cite);

public sealed record LinkFile(
    string Region, int? Fy, string? Country, string? PartnerName, string? PartnerOrganisation, string? PartnerKind,
    string ActivityJa, string? Note, CiteFile[]? Cite);

public sealed record IndustrialClusterFile(
    string Code, string NameJa, string? NameEn, string Area, string FieldsText, string CompaniesText, int? CompaniesApprox,
    string UniversitiesText, int? Universities, int? AsOfYear, string? Note, CiteFile[]? Cite);

public sealed record EventFile(
    string Code, string NameJa, string? NameEn, string Kind, string? StartDate, string? EndDate, string? DateText,
    string? Venue, string[]? Organisers, int? Fy, string? Programme, string? Note, CiteFile[]? Cite);

public sealed record IndicatorFile(string Code, string NameJa, string NameEn, string Unit);

public sealed record ObservationFile(
    string Indicator, string? Programme, string? Region, string? Measure, string? Sector, int? FyFrom, int? FyTo,
    decimal? Value, string PublishedText, string Unit, bool Cumulative, bool Approximate, decimal? Target,
    string? Status, string? Basis, string? Note, CiteFile[]? Cite);

public sealed record SurveyAnswerFile(
    string Question, string Segment, decimal? Share, string PublishedText, bool Approximate, CiteFile[]? Cite);

public sealed record SurveyFile(
    string Code, string NameJa, string? NameEn, int? Fy, string? Programme, string? Population, int? Sent,
    string? SentText, decimal? ReturnRate, string? ReturnRateText, string? Note, SurveyAnswerFile[]? Answers, CiteFile[]? Cite);
