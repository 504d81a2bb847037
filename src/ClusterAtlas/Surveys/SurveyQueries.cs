using ClusterAtlas.Calendar;
using ClusterAtlas.Data;
using ClusterAtlas.Sources;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Surveys;

public sealed record SurveyAnswerDto(string Question, string Segment, decimal? Share, string PublishedText, bool Approximate, IReadOnlyList<CitationDto> Citations);

public sealed record SurveyDto(
    int Id, string Code, string NameJa, string? NameEn, FiscalYearDto? FiscalYear, string? Programme, string? Population, int? Sent,
    string? SentText, decimal? ReturnRate, string? ReturnRateText, string? Note, IReadOnlyList<SurveyAnswerDto> Answers,
    IReadOnlyList<CitationDto> Citations);

public sealed class SurveyQueries(AtlasDbContext db)
{
    public async Task<List<SurveyDto>> ListAsync(CancellationToken ct)
    {
        var rows = await db.Surveys.AsNoTracking().Include(s => s.Answers).Include(s => s.Programme).OrderBy(s => s.Id).ToListAsync(ct);
        var cites = await CitationLookup.ForAsync(db, SubjectTypes.Survey, rows.Select(s => s.Id), ct);
        var answerCites = await CitationLookup.ForAsync(db, SubjectTypes.SurveyAnswer, rows.SelectMany(s => s.Answers).Select(a => a.Id), ct);
        return rows.Select(s => new SurveyDto(s.Id, s.Code, s.NameJa, s.NameEn, FiscalYearDto.From(s.FiscalYear), s.Programme?.Code,
            s.Population, s.Sent, s.SentText, s.ReturnRate, s.ReturnRateText, s.Note,
            [.. s.Answers.OrderBy(a => a.Id).Select(a => new SurveyAnswerDto(a.Question, a.Segment, a.Share, a.PublishedText, a.Approximate, [.. answerCites[a.Id]]))],
            [.. cites[s.Id]])).ToList();
    }
}
