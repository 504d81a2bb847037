using ClusterAtlas.Audit;
using ClusterAtlas.Data;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Editing;

/// <summary>Change requests as shown to people: the field-by-field diff between the base and the proposal.</summary>
public sealed class ChangeViews(AtlasDbContext db)
{
    public static ChangeRequestDto Dto(ChangeRequest c) => new(
        c.Id, c.SubjectType, c.SubjectKey, c.Kind.ToString(), c.Status.ToString(), c.AuthorEmail, c.ReviewerEmail, c.DecisionReason,
        c.CreatedAt, c.SubmittedAt, c.DecidedAt, c.BaseJson is null ? null : RecordVersion.Of(c.BaseJson),
        RecordSnapshot.Diff(c.BaseJson, c.ProposedJson).Select(d => new FieldChange(d.Field, d.Before, d.After)).ToList(),
        c.CitationSourceId is null && c.CitationUrl is null ? null : new CitationInput(c.CitationSourceId, c.CitationUrl, c.CitationQuote, c.CitationLine, c.CitationPage),
        c.Comment);

    public async Task<ChangeRequestDto?> GetAsync(int id, CancellationToken ct) =>
        await db.ChangeRequests.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) is { } c ? Dto(c) : null;

    /// <summary>Reviewers see every request; editors see their own.</summary>
    public async Task<List<ChangeRequestDto>> ListAsync(Accounts.Actor actor, ChangeStatus? status, CancellationToken ct)
    {
        var query = db.ChangeRequests.AsNoTracking();
        if (!actor.Satisfies(Accounts.AtlasPolicies.Review))
        {
            query = query.Where(c => c.AuthorId == actor.UserId);
        }
        if (status is { } s)
        {
            query = query.Where(c => c.Status == s);
        }
        return (await query.OrderByDescending(c => c.Id).Take(500).ToListAsync(ct)).Select(Dto).ToList();
    }

    /// <summary>The author may see their own request; reviewers see all.</summary>
    public static bool CanSee(Accounts.Actor actor, ChangeRequestDto change) =>
        actor.Satisfies(Accounts.AtlasPolicies.Review) || change.AuthorEmail == actor.Email;
}
