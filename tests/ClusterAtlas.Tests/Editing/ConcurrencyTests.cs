using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClusterAtlas.Audit;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ClusterAtlas.Tests.Editing;

/// <summary>Two people change the same record at the same moment: exactly one wins, the other gets 409 with both
/// versions, and the audit log records both attempts.</summary>
[Collection(EditingFixture.Name)]
public sealed class ConcurrencyTests(EditingFactory factory)
{
    [Fact]
    public async Task TwoEditorsSubmitConflictingEditsAtOnce_OneWins_OtherGets409_AuditHasBoth()
    {
        var (a, b) = (await EditorAsync("race-a@example.jp"), await EditorAsync("race-b@example.jp"));
        var id = await SomeOrganisationIdAsync(0);
        var record = await a.GetFromJsonAsync<JsonElement>($"/api/v1/records/Organisations/{id}");
        var version = record.GetProperty("version").GetString();

        var results = await Task.WhenAll(
            a.PostAsJsonAsync("/api/v1/changes", Change(id, version, "Note", "A says so")),
            b.PostAsJsonAsync("/api/v1/changes", Change(id, version, "Note", "B says otherwise")));

        Assert.Single(results, r => r.StatusCode == HttpStatusCode.Created);
        var loser = Assert.Single(results, r => r.StatusCode == HttpStatusCode.Conflict);
        var problem = await loser.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.TryGetProperty("current", out _) && problem.TryGetProperty("yours", out _), problem.ToString());
        await using var db = factory.Database.NewContext();
        var audit = await db.AuditEntries.Where(e => e.SubjectType == "Organisations" && e.SubjectKey == id.ToString(CultureInfo.InvariantCulture)).ToListAsync();
        Assert.Contains(audit, e => e.Action == AuditAction.ChangeSubmitted);
        Assert.Contains(audit, e => e.Action == AuditAction.ChangeConflict);
    }

    [Fact]
    public async Task TwoReviewersApproveTheSameChangeAtOnce_OneWins_OtherGets409()
    {
        var editor = await EditorAsync("race-c@example.jp");
        var id = await SomeOrganisationIdAsync(1);
        var version = (await editor.GetFromJsonAsync<JsonElement>($"/api/v1/records/Organisations/{id}")).GetProperty("version").GetString();
        var created = await editor.PostAsJsonAsync("/api/v1/changes", Change(id, version, "Note", "approved once"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var changeId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var (r1, r2) = (await ReviewerAsync("race-r1@example.jp"), await ReviewerAsync("race-r2@example.jp"));

        var results = await Task.WhenAll(r1.PostAsync($"/api/v1/changes/{changeId}/approve", null), r2.PostAsync($"/api/v1/changes/{changeId}/approve", null));

        Assert.Single(results, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Single(results, r => r.StatusCode == HttpStatusCode.Conflict);
        await using var db = factory.Database.NewContext();
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.ChangeRequestId == changeId && e.Action == AuditAction.Updated));
    }

    [Fact]
    public async Task EditBasedOnAnOldVersion_Gets409_NothingOverwritten()
    {
        var editor = await EditorAsync("stale@example.jp");
        var reviewer = await ReviewerAsync("stale-reviewer@example.jp");
        var id = await SomeOrganisationIdAsync(2);
        var old = (await editor.GetFromJsonAsync<JsonElement>($"/api/v1/records/Organisations/{id}")).GetProperty("version").GetString();
        var first = await editor.PostAsJsonAsync("/api/v1/changes", Change(id, old, "Note", "first edit"));
        var firstId = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsync($"/api/v1/changes/{firstId}/approve", null)).StatusCode);

        var stale = await editor.PostAsJsonAsync("/api/v1/changes", Change(id, old, "Note", "second edit on the old version"));

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var now = await editor.GetFromJsonAsync<JsonElement>($"/api/v1/records/Organisations/{id}");
        Assert.Equal("first edit", now.GetProperty("values").GetProperty("Note").GetString());
    }

    internal static object Change(int id, string? version, string field, string value) => new
    {
        table = "Organisations", key = id.ToString(CultureInfo.InvariantCulture), kind = "Update", baseVersion = version,
        values = new Dictionary<string, string> { [field] = value },
        citation = new { url = "https://www.mext.go.jp/", quote = "根拠となる記述", page = "3" }, submit = true,
    };

    private async Task<int> SomeOrganisationIdAsync(int skip)
    {
        await using var db = factory.Database.NewContext();
        // Each test takes its own organisation (from the end of the list; other tests use the start).
        return await db.Organisations.OrderByDescending(o => o.Id).Skip(skip).Select(o => o.Id).FirstAsync();
    }

    private async Task<HttpClient> EditorAsync(string email)
    {
        using var warm = factory.CreateClient();
        await warm.GetAsync("/health");
        await StaffAccess.AddUserAsync(factory, email, "editor");
        return StaffAccess.Bearer(factory, await StaffAccess.TokenAsync(factory, email));
    }

    private async Task<HttpClient> ReviewerAsync(string email)
    {
        await StaffAccess.AddUserAsync(factory, email, "reviewer");
        return StaffAccess.Bearer(factory, await StaffAccess.TokenAsync(factory, email));
    }
}
