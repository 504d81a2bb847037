using ClusterAtlas.Data;
using ClusterAtlas.International;
using ClusterAtlas.Japanese;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Sources;

/// <summary>Where a record that cites a source line is shown: the kind of page and the code of its subject.</summary>
public static class CitingTargets
{
    public const string Region = "region";
    public const string Programme = "programme";
    public const string Ministry = "ministry";
    public const string Organisation = "organisation";
    public const string Person = "person";
    public const string Event = "event";
    public const string IndustrialCluster = "industrial-cluster";
    public const string Indicator = "indicator";
    public const string Survey = "survey";
}

/// <summary>A record citing a line of a source, named in both languages, with the page that shows it.</summary>
public sealed record CitingRecordDto(
    int Line, int? LineEnd, string Quote, string? Field, string SubjectType, int SubjectId, string TargetKind, string TargetCode,
    string LabelJa, string LabelEn);

/// <summary>Which records cite a source document, line by line: one query for the citations and one per kind of record.</summary>
public sealed class CitingRecords(AtlasDbContext db)
{
    private sealed record Target(string Kind, string Code, string Ja, string En);

    public async Task<List<CitingRecordDto>> ForDocumentAsync(string documentId, CancellationToken ct)
    {
        var citations = await db.Citations.AsNoTracking().Where(c => c.SourceDocumentId == documentId && c.LineStart != null)
            .OrderBy(c => c.LineStart).ThenBy(c => c.Id).ToListAsync(ct);
        var targets = new Dictionary<(string, int), Target>();
        foreach (var group in citations.GroupBy(c => c.SubjectType))
        {
            var ids = group.Select(c => c.SubjectId).Distinct().ToList();
            foreach (var (id, target) in await ResolveAsync(group.Key, ids, ct))
            {
                targets[(group.Key, id)] = target;
            }
        }
        return citations.Where(c => targets.ContainsKey((c.SubjectType, c.SubjectId))).Select(c =>
        {
            var t = targets[(c.SubjectType, c.SubjectId)];
            return new CitingRecordDto(c.LineStart!.Value, c.LineEnd, c.Quote, c.Field, c.SubjectType, c.SubjectId, t.Kind, t.Code, t.Ja, t.En);
        }).ToList();
    }

    private static string Fy(int? year, bool english) =>
        year is { } y ? (english ? new FiscalYear(y).EnglishLabel : new FiscalYear(y).JapaneseLabel) : (english ? "total" : "計");

    private async Task<List<(int Id, Target Target)>> ResolveAsync(string type, List<int> ids, CancellationToken ct)
    {
        switch (type)
        {
            case SubjectTypes.Ministry:
                return (await db.Ministries.AsNoTracking().Where(x => ids.Contains(x.Id)).ToListAsync(ct))
                    .Select(x => (x.Id, new Target(CitingTargets.Ministry, x.Code, x.NameJa, x.NameEn))).ToList();
            case SubjectTypes.Programme:
                return (await db.Programmes.AsNoTracking().Where(x => ids.Contains(x.Id)).ToListAsync(ct))
                    .Select(x => (x.Id, new Target(CitingTargets.Programme, x.Code, x.NameJa, x.NameEn))).ToList();
            case SubjectTypes.Lineage:
                return (await db.ProgrammeLineages.AsNoTracking().Include(x => x.From).Include(x => x.To).Where(x => ids.Contains(x.Id)).ToListAsync(ct))
                    .Select(x => (x.Id, new Target(CitingTargets.Programme, x.From!.Code, $"系譜: {x.From.NameJa} → {x.To!.NameJa}",
                        $"Lineage: {x.From.NameEn} → {x.To.NameEn}"))).ToList();
            case SubjectTypes.Budget:
                return (await db.BudgetLines.AsNoTracking().Include(x => x.Programme).Where(x => ids.Contains(x.Id)).ToListAsync(ct))
                    .Select(x => (x.Id, new Target(CitingTargets.Programme, x.Programme!.Code, $"予算: {x.Programme.NameJa} {Fy(x.FiscalYear, false)}",
                        $"Budget: {x.Programme.NameEn} {Fy(x.FiscalYear, true)}"))).ToList();
            case SubjectTypes.Cooperation:
                return (await db.MeasureCooperations.AsNoTracking().Include(x => x.From).Include(x => x.To).Where(x => ids.Contains(x.Id)).ToListAsync(ct))
                    .Select(x => (x.Id, new Target(CitingTargets.Programme, x.From!.Code, $"連携: {x.From.NameJa} ↔ {x.To!.NameJa}",
                        $"Cooperation: {x.From.NameEn} ↔ {x.To.NameEn}"))).ToList();
            case SubjectTypes.Region:
                return (await db.Regions.AsNoTracking().Where(x => ids.Contains(x.Id)).ToListAsync(ct))
                    .Select(x => (x.Id, new Target(CitingTargets.Region, x.Code, x.NameJa, x.NameEn))).ToList();
            case SubjectTypes.RegionAlias:
                return (await db.RegionAliases.AsNoTracking().Include(x => x.Region).Where(x => ids.Contains(x.Id)).ToListAsync(ct))
                    .Select(x => (x.Id, new Target(CitingTargets.Region, x.Region!.Code, $"別名: {x.Name}", $"Other name: {x.Name} ({x.Region.NameEn})"))).ToList();
            case SubjectTypes.Participation:
                return (await db.Participations.AsNoTracking().Include(x => x.Region).Include(x => x.Programme).Where(x => ids.Contains(x.Id)).ToListAsync(ct))
                    .Select(x => (x.Id, new Target(CitingTargets.Region, x.Region!.Code, $"{x.Region.NameJa}: {x.Programme!.NameJa}",
                        $"{x.Region.NameEn}: {x.Programme.NameEn}"))).ToList();
            case SubjectTypes.Organisation:
                return (await db.Organisations.AsNoTracking().Where(x => ids.Contains(x.Id)).ToListAsync(ct))
                    .Select(x => (x.Id, new Target(CitingTargets.Organisation, x.Code, x.NameJa, x.NameEn ?? x.NameJa))).ToList();
            case SubjectTypes.Person:
                return (await db.People.AsNoTracking().Where(x => ids.Contains(x.Id)).ToListAsync(ct))
                    .Select(x => (x.Id, new Target(CitingTargets.Person, x.Code, x.NameJa, x.NameEn ?? x.NameJa))).ToList();
            case SubjectTypes.RoleAssignment:
                return (await db.RoleAssignments.AsNoTracking().Include(x => x.Person).Where(x => ids.Contains(x.Id)).ToListAsync(ct))
                    .Select(x => (x.Id, new Target(CitingTargets.Person, x.Person!.Code, $"{x.Person.NameJa} ({x.Title})",
                        $"{x.Person.NameEn ?? x.Person.NameJa} ({x.Title})"))).ToList();
            case SubjectTypes.Link:
                return (await db.InternationalLinks.AsNoTracking().Include(x => x.Region).Where(x => ids.Contains(x.Id)).ToListAsync(ct))
                    .Select(x => (x.Id, new Target(CitingTargets.Region, x.Region!.Code,
                        $"国際連携: {x.Region.NameJa} ↔ {x.PartnerName ?? CountryNames.Japanese(x.CountryCode)}",
                        $"International link: {x.Region.NameEn} ↔ {x.PartnerName ?? CountryNames.English(x.CountryCode)}"))).ToList();
            case SubjectTypes.IndustrialCluster:
                return (await db.IndustrialClusterProjects.AsNoTracking().Where(x => ids.Contains(x.Id)).ToListAsync(ct))
                    .Select(x => (x.Id, new Target(CitingTargets.IndustrialCluster, x.Code, x.NameJa, x.NameEn ?? x.NameJa))).ToList();
            case SubjectTypes.Event:
                return (await db.Events.AsNoTracking().Where(x => ids.Contains(x.Id)).ToListAsync(ct))
                    .Select(x => (x.Id, new Target(CitingTargets.Event, x.Code, x.NameJa, x.NameEn ?? x.NameJa))).ToList();
            case SubjectTypes.Observation:
                return (await db.IndicatorObservations.AsNoTracking().Include(x => x.Indicator).Where(x => ids.Contains(x.Id)).ToListAsync(ct))
                    .Select(x => (x.Id, new Target(CitingTargets.Indicator, x.Indicator!.Code, $"{x.Indicator.NameJa}: {x.PublishedText}",
                        $"{x.Indicator.NameEn}: {x.PublishedText}"))).ToList();
            case SubjectTypes.Survey:
                return (await db.Surveys.AsNoTracking().Where(x => ids.Contains(x.Id)).ToListAsync(ct))
                    .Select(x => (x.Id, new Target(CitingTargets.Survey, x.Code, x.NameJa, x.NameEn ?? x.NameJa))).ToList();
            case SubjectTypes.SurveyAnswer:
                var answers = await db.SurveyAnswers.AsNoTracking().Where(x => ids.Contains(x.Id)).ToListAsync(ct);
                var surveyIds = answers.Select(a => a.SurveyId).Distinct().ToList();
                var surveys = await db.Surveys.AsNoTracking().Where(s => surveyIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
                return answers.Where(a => surveys.ContainsKey(a.SurveyId)).Select(a => (a.Id, new Target(CitingTargets.Survey, surveys[a.SurveyId].Code,
                    $"{surveys[a.SurveyId].NameJa}: {a.Question}", $"{surveys[a.SurveyId].NameEn ?? surveys[a.SurveyId].NameJa}: {a.Question}"))).ToList();
            default:
                return [];
        }
    }
}
