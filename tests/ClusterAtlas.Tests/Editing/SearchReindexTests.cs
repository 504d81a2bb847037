using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClusterAtlas.Search;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ClusterAtlas.Tests.Editing;

/// <summary>An approved edit re-writes only the search entries it touches; the result must be exactly what a full
/// rebuild of the index gives, including the entries that hold text of the edited record (a link's entry holds its
/// region's name, a programme's its ministry's).</summary>
[Collection(EditingFixture.Name)]
public sealed class SearchReindexTests(EditingFactory factory)
{
    [Fact]
    public async Task ApprovedEdits_RegionRenameProjectMoveProgrammeRename_IndexEqualsAFullRebuild()
    {
        var editor = await ClientAsync("reindex-editor@example.jp", "editor");
        var reviewer = await ClientAsync("reindex-reviewer@example.jp", "reviewer");
        int regionId, projectId, otherRegionId, programmeId;
        await using (var db = factory.Database.NewContext())
        {
            regionId = await db.InternationalLinks.OrderBy(l => l.Id).Select(l => l.RegionId).FirstAsync();
            var project = await db.Participations.Where(p => p.RegionId != regionId).OrderBy(p => p.Id).FirstAsync();
            (projectId, otherRegionId, programmeId) = (project.Id, project.RegionId, project.ProgrammeId);
        }

        await ApproveAsync(editor, reviewer, "Regions", regionId, "NameJa", "再索引試験地域");
        await ApproveAsync(editor, reviewer, "Participations", projectId, "RegionId", regionId.ToString(CultureInfo.InvariantCulture));
        await ApproveAsync(editor, reviewer, "Programmes", programmeId, "NameJa", "再索引試験事業");

        var search = await editor.GetFromJsonAsync<JsonElement>("/api/v1/search?q=" + Uri.EscapeDataString("再索引試験地域"));
        Assert.Contains(search.GetProperty("items").EnumerateArray(), h => h.GetProperty("type").GetString() == "region" && h.GetProperty("id").GetInt32() == regionId);
        Assert.Contains(search.GetProperty("items").EnumerateArray(), h => h.GetProperty("type").GetString() == "link");
        var incremental = await EntriesAsync();
        Assert.NotEqual(otherRegionId, regionId);

        await using (var db = factory.Database.NewContext())
        {
            await SearchIndexer.RebuildAsync(db, CancellationToken.None);
        }
        var rebuilt = await EntriesAsync();

        Assert.Equal(rebuilt.Count, incremental.Count);
        Assert.Equal(rebuilt, incremental);
    }

    private async Task<List<string>> EntriesAsync()
    {
        await using var db = factory.Database.NewContext();
        return [.. (await db.SearchEntries.AsNoTracking().Select(e => new { e.EntityType, e.EntityId, e.Title, e.TitleEn, e.Normalized, e.Bigrams }).ToListAsync())
            .Select(e => $"{e.EntityType}/{e.EntityId}: {e.Title} | {e.TitleEn} | {e.Normalized} | {e.Bigrams}").Order(StringComparer.Ordinal)];
    }

    private static async Task ApproveAsync(HttpClient editor, HttpClient reviewer, string table, int id, string field, string value)
    {
        var version = (await editor.GetFromJsonAsync<JsonElement>($"/api/v1/records/{table}/{id}")).GetProperty("version").GetString();
        var created = await editor.PostAsJsonAsync("/api/v1/changes", new
        {
            table, key = id.ToString(CultureInfo.InvariantCulture), kind = "Update", baseVersion = version,
            values = new Dictionary<string, string> { [field] = value },
            citation = new { url = "https://www.mext.go.jp/", quote = "根拠となる記述", page = "1" }, submit = true,
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var changeId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var approved = await reviewer.PostAsync($"/api/v1/changes/{changeId}/approve", null);
        Assert.True(approved.StatusCode == HttpStatusCode.OK, await approved.Content.ReadAsStringAsync());
    }

    private async Task<HttpClient> ClientAsync(string email, string role)
    {
        using var warm = factory.CreateClient();
        await warm.GetAsync("/health");
        await StaffAccess.AddUserAsync(factory, email, role);
        return StaffAccess.Bearer(factory, await StaffAccess.TokenAsync(factory, email));
    }
}
