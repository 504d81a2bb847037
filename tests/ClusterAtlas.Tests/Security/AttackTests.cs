using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ClusterAtlas.Events;
using ClusterAtlas.Organisations;
using ClusterAtlas.Programmes;
using ClusterAtlas.Regions;
using ClusterAtlas.Tests.Editing;
using ClusterAtlas.Transfer;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ClusterAtlas.Tests.Security;

/// <summary>What an attacker would try: script in every text field, forged forms, SQL in parameters, editing outside
/// one's scope, a revoked token, a huge body, password guessing.</summary>
[Collection(EditingFixture.Name)]
public sealed class AttackTests(EditingFactory factory)
{
    private static readonly string[] Payloads =
    [
        "<script>alert('XSSMARK')</script>",
        "クラスター<img src=x onerror=alert(\"XSSMARK\")>創薬",
        "\"><svg/onload=alert('XSSMARK')>",
        "＜script＞alert('XSSMARK')＜/script＞", // full-width: NFKC in the search index turns it into <script>
        "javascript:alert('XSSMARK')",
    ];

    [Fact]
    public async Task ScriptInEveryTextField_IsRenderedEscapedOnPagesSearchAndApi()
    {
        var (editor, reviewer) = await PairAsync("xss");
        using var anonymous = factory.CreateClient();
        await using var db = factory.Database.NewContext();
        var targets = new (Type Type, string Table, string Code, string Page)[]
        {
            Target<Region>(db, "Regions", r => r.Code, "/regions/"),
            Target<Organisation>(db, "Organisations", o => o.Code, "/organisations/"),
            Target<Programme>(db, "Programmes", p => p.Code, "/programmes/"),
            Target<Event>(db, "Events", e => e.Code, "/events/"),
        };
        foreach (var (type, table, code, _) in targets)
        {
            var entity = db.Model.FindEntityType(type)!;
            var columns = TransferTables.Columns(entity).Where(c => c.ClrType == typeof(string) && !c.IsPrimaryKey() && c.Name != "Code"
                && (c.GetMaxLength() ?? int.MaxValue) >= Payloads.Max(p => p.Length)).ToList();
            Assert.NotEmpty(columns);
            var key = await KeyOfAsync(db, table, code);
            var version = (await editor.GetFromJsonAsync<JsonElement>($"/api/v1/records/{table}/{key}")).GetProperty("version").GetString();
            var values = columns.Select((c, i) => (c.Name, Payloads[i % Payloads.Length])).ToDictionary(x => x.Name, x => x.Item2);
            var proposed = await editor.PostAsJsonAsync("/api/v1/changes", new
            {
                table, key = key.ToString(CultureInfo.InvariantCulture), kind = "Update", baseVersion = version, values, submit = true,
                citation = new { url = "https://example.jp/<script>alert('XSSMARK')</script>", quote = "<b>XSSMARK</b> quote", page = "1" },
            });
            Assert.True(proposed.StatusCode == HttpStatusCode.Created, $"{table}: {await proposed.Content.ReadAsStringAsync()}");
            var id = (await proposed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
            Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsync($"/api/v1/changes/{id}/approve", null)).StatusCode);
        }

        var pages = targets.Select(t => t.Page + Uri.EscapeDataString(t.Code))
            .Concat(["/regions", "/organisations", "/programmes", "/events", "/search?q=XSSMARK", "/search?q=script", "/search?q=クラスター",
                "/history?from=2000-01-01", $"/history/Regions/{await KeyOfAsync(db, "Regions", targets[0].Code)}", "/changes"]);
        foreach (var url in pages)
        {
            var client = url == "/changes" ? reviewerPortal ??= await StaffAccess.SignInAsync(factory, "xss-reviewer@example.jp") : anonymous;
            var html = await client.GetStringAsync(url);
            Assert.True(html.Contains("XSSMARK", StringComparison.Ordinal) || url.StartsWith("/search?q=script", StringComparison.Ordinal) || url == "/changes",
                $"{url} does not show the edited text at all, so it proves nothing");
            Assert.DoesNotContain("<script>alert", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img src=x", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<svg/onload", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<b>XSSMARK", html, StringComparison.Ordinal);
            Assert.DoesNotContain("href=\"javascript:", html, StringComparison.OrdinalIgnoreCase);
        }
        var api = await anonymous.GetStringAsync($"/api/v1/regions/{Uri.EscapeDataString(targets[0].Code)}");
        Assert.DoesNotContain("<script>", api, StringComparison.Ordinal); // JSON escapes < and > as \u003C \u003E
    }

    private HttpClient? reviewerPortal;

    [Fact]
    public async Task FormsWithoutTheAntiforgeryToken_AreRefused()
    {
        await StaffAccess.AddUserAsync(factory, "csrf@example.jp", "editor");
        using var editor = await StaffAccess.SignInAsync(factory, "csrf@example.jp");
        var forged = new FormUrlEncodedContent(new Dictionary<string, string> { ["Table"] = "Regions", ["Key"] = "1", ["Values[Note]"] = "forged", ["submit"] = "submit" });
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.PostAsync("/changes/edit?table=Regions&key=1", forged)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.PostAsync("/account/signout", new FormUrlEncodedContent([]))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.PostAsync("/account?handler=CreateToken", new FormUrlEncodedContent([]))).StatusCode);
        await using var db = factory.Database.NewContext();
        Assert.False(await db.ChangeRequests.AnyAsync(c => c.AuthorEmail == "csrf@example.jp"));
    }

    [Theory]
    [InlineData("' OR '1'='1")]
    [InlineData("1; DROP TABLE \"Regions\"; --")]
    [InlineData("創薬' UNION SELECT \"Hash\" FROM \"ApiTokens\" --")]
    [InlineData("%' AND 1=(SELECT COUNT(*) FROM sqlite_master) --")]
    public async Task SqlInSearchAndFilters_IsJustText(string attack)
    {
        using var client = factory.CreateClient();
        await using var db = factory.Database.NewContext();
        await client.GetAsync("/health");
        var regions = await db.Regions.CountAsync();
        var q = Uri.EscapeDataString(attack);
        foreach (var url in new[]
        {
            $"/api/v1/search?q={q}", $"/search?q={q}", $"/api/v1/regions?q={q}&prefecture={q}&field={q}", $"/api/v1/regions/{q}",
            $"/api/v1/organisations?q={q}", $"/api/v1/records/Regions/{q}", $"/api/v1/history/{q}/{q}", $"/compare?r={q}", $"/regions?q={q}",
            $"/api/v1/budgets?ministry={q}", $"/api/v1/events?q={q}",
        })
        {
            var response = await client.GetAsync(url);
            Assert.True((int)response.StatusCode < 500, $"{url}: {(int)response.StatusCode}");
        }
        Assert.Equal(regions, await db.Regions.CountAsync());
    }

    [Fact]
    public async Task EditorOfRegionA_CannotEditRegionB_NorMoveRecordsIntoIt()
    {
        await using var db = factory.Database.NewContext();
        using var warm = factory.CreateClient();
        await warm.GetAsync("/health");
        // Projects (participations) of two regions: the editor is limited to the first region.
        var projects = await db.Participations.AsNoTracking().Include(o => o.Region).ToListAsync();
        var byRegion = projects.GroupBy(o => o.Region!.Code).OrderBy(g => g.Key, StringComparer.Ordinal).Take(2).ToList();
        var (a, b) = (byRegion[0], byRegion[1]);
        await StaffAccess.AddUserAsync(factory, "scoped@example.jp", "editor", a.Key);
        using var editor = StaffAccess.Bearer(factory, await StaffAccess.TokenAsync(factory, "scoped@example.jp"));
        var regionB = b.First().Region!;

        async Task<HttpStatusCode> ProposeAsync(string table, int key, string field, string value)
        {
            var version = (await editor.GetFromJsonAsync<JsonElement>($"/api/v1/records/{table}/{key}")).GetProperty("version").GetString();
            var response = await editor.PostAsJsonAsync("/api/v1/changes", new
            {
                table, key = key.ToString(CultureInfo.InvariantCulture), kind = "Update", baseVersion = version,
                values = new Dictionary<string, string> { [field] = value }, citation = new { url = "https://example.jp/", quote = "q", page = "1" },
            });
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.Forbidden, await ProposeAsync("Regions", regionB.Id, "Note", "not mine"));
        Assert.Equal(HttpStatusCode.Forbidden, await ProposeAsync("Participations", b.First().Id, "Note", "not mine"));
        Assert.Equal(HttpStatusCode.Forbidden, await ProposeAsync("Participations", a.First().Id, "RegionId", regionB.Id.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.Forbidden, await ProposeAsync("Programmes", (await db.Programmes.FirstAsync()).Id, "Note", "not a region record"));
        Assert.Equal(HttpStatusCode.Created, await ProposeAsync("Participations", a.First().Id, "Note", "mine"));
    }

    [Fact]
    public async Task RevokedToken_IsRefusedAtOnce()
    {
        await StaffAccess.AddUserAsync(factory, "revoker@example.jp", "editor");
        using var first = StaffAccess.Bearer(factory, await StaffAccess.TokenAsync(factory, "revoker@example.jp"));
        var created = await first.PostAsJsonAsync("/api/v1/account/tokens", new { name = "second", expiresInDays = 5 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        using var second = StaffAccess.Bearer(factory, body.GetProperty("token").GetString()!);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/api/v1/account")).StatusCode);

        var id = body.GetProperty("info").GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.NoContent, (await first.DeleteAsync($"/api/v1/account/tokens/{id}")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await second.GetAsync("/api/v1/account")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.GetAsync("/api/v1/changes")).StatusCode);
        using var forged = StaffAccess.Bearer(factory, "cat_" + new string('A', 43));
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync("/api/v1/account")).StatusCode);
        await using var db = factory.Database.NewContext();
        Assert.DoesNotContain(await db.ApiTokens.Select(t => t.Hash).ToListAsync(), h => h == body.GetProperty("token").GetString());
    }

    [Fact]
    public async Task OversizedBody_Gets413()
    {
        await StaffAccess.AddUserAsync(factory, "big@example.jp", "editor");
        using var editor = StaffAccess.Bearer(factory, await StaffAccess.TokenAsync(factory, "big@example.jp"));
        var huge = "{\"table\":\"Regions\",\"comment\":\"" + new string('あ', 1_200_000) + "\"}";
        var response = await editor.PostAsync("/api/v1/changes", new StringContent(huge, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task RepeatedWrongPasswords_LockTheAccount_EvenForTheRightPassword()
    {
        await StaffAccess.AddUserAsync(factory, "guessed@example.jp", "editor");
        using var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        for (var i = 0; i < 5; i++)
        {
            var wrong = await StaffAccess.PostFormAsync(client, "/account/signin", new() { ["Email"] = "guessed@example.jp", ["Password"] = $"wrong-password-{i}" });
            Assert.NotEqual(HttpStatusCode.Redirect, wrong.StatusCode);
        }
        var right = await StaffAccess.PostFormAsync(client, "/account/signin", new() { ["Email"] = "guessed@example.jp", ["Password"] = StaffAccess.Password });
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        await using var db = factory.Database.NewContext();
        Assert.Contains(await db.AuditEntries.Where(e => e.Actor == "guessed@example.jp").Select(e => e.Action).ToListAsync(), a => a == Audit.AuditAction.LockedOut);
    }

    [Fact]
    public async Task Responses_CarrySecurityHeaders()
    {
        using var client = factory.CreateClient();
        foreach (var url in new[] { "/", "/api/v1/regions", "/account/signin" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            var directives = csp.Split(';', StringSplitOptions.TrimEntries);
            var scripts = directives.FirstOrDefault(d => d.StartsWith("script-src", StringComparison.Ordinal)) ?? directives.Single(d => d.StartsWith("default-src", StringComparison.Ordinal));
            Assert.DoesNotContain("'unsafe-inline'", scripts, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ReviewerCannotApproveTheirOwnChange()
    {
        var (_, reviewer) = await PairAsync("self");
        await using var db = factory.Database.NewContext();
        var org = await db.Organisations.OrderBy(o => o.Id).Skip(3).FirstAsync();
        var version = (await reviewer.GetFromJsonAsync<JsonElement>($"/api/v1/records/Organisations/{org.Id}")).GetProperty("version").GetString();
        var created = await reviewer.PostAsJsonAsync("/api/v1/changes", ConcurrencyTests.Change(org.Id, version, "Note", "my own"));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.PostAsync($"/api/v1/changes/{id}/approve", null)).StatusCode);
    }

    private async Task<(HttpClient Editor, HttpClient Reviewer)> PairAsync(string prefix)
    {
        using var warm = factory.CreateClient();
        await warm.GetAsync("/health");
        await StaffAccess.AddUserAsync(factory, $"{prefix}-editor@example.jp", "editor");
        await StaffAccess.AddUserAsync(factory, $"{prefix}-reviewer@example.jp", "reviewer");
        return (StaffAccess.Bearer(factory, await StaffAccess.TokenAsync(factory, $"{prefix}-editor@example.jp")),
            StaffAccess.Bearer(factory, await StaffAccess.TokenAsync(factory, $"{prefix}-reviewer@example.jp")));
    }

    private static (Type, string, string, string) Target<T>(Data.AtlasDbContext db, string table, Func<T, string> code, string page) where T : class =>
        (typeof(T), table, code(db.Set<T>().AsNoTracking().AsEnumerable().OrderBy(code, StringComparer.Ordinal).First()), page);

    private static async Task<int> KeyOfAsync(Data.AtlasDbContext db, string table, string code) => table switch
    {
        "Regions" => await db.Regions.Where(r => r.Code == code).Select(r => r.Id).SingleAsync(),
        "Organisations" => await db.Organisations.Where(r => r.Code == code).Select(r => r.Id).SingleAsync(),
        "Programmes" => await db.Programmes.Where(r => r.Code == code).Select(r => r.Id).SingleAsync(),
        _ => await db.Events.Where(r => r.Code == code).Select(r => r.Id).SingleAsync(),
    };
}
