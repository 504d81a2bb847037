using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using ClusterAtlas.Cli;
using ClusterAtlas.Tests.Cli;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ClusterAtlas.Tests.Editing;

/// <summary>The issue's "done when", step by step, through the same doors people use: the CLI, the sign-in form, the
/// edit form, the API with a token, the public pages.</summary>
[Collection(EditingFixture.Name)]
public sealed partial class ReviewJourneyTests(EditingFactory factory)
{
    [Fact]
    public async Task EditorOfOneRegion_ProposesCitedFigure_ReviewerApproves_PublicPageAndHistoryShowIt()
    {
        using var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health")).StatusCode); // starts the app: migrated and seeded

        // A figure of one region: an indicator value with a whole number, shown on the region's page.
        await using var db = factory.Database.NewContext();
        var observation = await db.IndicatorObservations.AsNoTracking().Include(o => o.Region)
            .Where(o => o.RegionId != null && o.Value != null).OrderBy(o => o.Id).ToListAsync();
        var target = observation.First(o => o.Value == decimal.Truncate(o.Value!.Value));
        var region = target.Region!.Code;
        var newValue = target.Value!.Value + 7;
        var source = await db.SourceDocuments.AsNoTracking().OrderBy(s => s.Id).FirstAsync();

        // 1. An admin creates the editor with the CLI, limited to that region.
        var connection = factory.Database.Options;
        var add = await CliSession.RunRawAsync("--provider", connection.Provider.ToString(), "--connection", connection.ConnectionString,
            "users", "add", "officer@cluster.example.jp", "--role", "editor", "--region", region);
        Assert.True(add.ExitCode == ExitCodes.Ok, add.ToString());
        var password = PasswordLine().Match(add.Out).Groups[1].Value;
        await StaffAccess.AddUserAsync(factory, "reviewer@mext.example.jp", "reviewer");

        // 2. The editor signs in and proposes the corrected figure with its citation, on the edit form.
        using var editor = await StaffAccess.SignInAsync(factory, "officer@cluster.example.jp", password);
        var formUrl = $"/changes/edit?table=IndicatorObservations&key={target.Id}";
        var form = await editor.GetStringAsync(formUrl);
        var baseVersion = BaseVersionInput().Match(form).Groups[1].Value;
        Assert.Matches("^[0-9a-f]{16}$", baseVersion);
        var quote = $"修正値 {newValue.ToString(CultureInfo.InvariantCulture)} (test)";
        var posted = await StaffAccess.PostFormAsync(editor, formUrl, new()
        {
            ["Table"] = "IndicatorObservations", ["Key"] = target.Id.ToString(CultureInfo.InvariantCulture), ["BaseVersion"] = baseVersion,
            ["Values[Value]"] = newValue.ToString(CultureInfo.InvariantCulture),
            ["Citation.SourceDocumentId"] = source.Id, ["Citation.Line"] = "1", ["Citation.Quote"] = quote, ["submit"] = "submit",
        });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var changeId = int.Parse(posted.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);

        // Not yet published: the public record still has the old value.
        var before = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/records/IndicatorObservations/{target.Id}");
        Assert.Equal(Text(target.Value), before.GetProperty("values").GetProperty("Value").GetString());

        // 3. A reviewer reads the diff and approves with an API token.
        using var reviewer = StaffAccess.Bearer(factory, await StaffAccess.TokenAsync(factory, "reviewer@mext.example.jp"));
        var change = await reviewer.GetFromJsonAsync<JsonElement>($"/api/v1/changes/{changeId}");
        var diff = change.GetProperty("changes").EnumerateArray().Single();
        Assert.Equal("Value", diff.GetProperty("field").GetString());
        Assert.Equal(Text(newValue), diff.GetProperty("after").GetString());
        var approved = await reviewer.PostAsync($"/api/v1/changes/{changeId}/approve", null);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);

        // 4. The public page shows the new value with its citation; the history shows the old one.
        var page = await anonymous.GetStringAsync($"/regions/{region}");
        Assert.Contains(newValue.ToString("#,0", CultureInfo.InvariantCulture), page, StringComparison.Ordinal);
        Assert.Contains(quote, page, StringComparison.Ordinal);
        var history = await anonymous.GetStringAsync($"/history/IndicatorObservations/{target.Id}");
        Assert.Contains($"<del>{Text(target.Value)}</del>", history, StringComparison.Ordinal);
        Assert.Contains($"<ins>{Text(newValue)}</ins>", history, StringComparison.Ordinal);

        // 5. As of yesterday the registry still had the old value (API and page alike).
        var yesterday = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var old = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/records/IndicatorObservations/{target.Id}?asOf={yesterday}");
        Assert.Equal(Text(target.Value), old.GetProperty("values").GetProperty("Value").GetString());
        var oldPage = await anonymous.GetStringAsync($"/history/IndicatorObservations/{target.Id}?asOf={yesterday}");
        Assert.Contains(yesterday, oldPage, StringComparison.Ordinal);
        var now = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/records/IndicatorObservations/{target.Id}");
        Assert.Equal(Text(newValue), now.GetProperty("values").GetProperty("Value").GetString());

        // The diff between yesterday and now names the record.
        var between = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/history?from={yesterday}");
        Assert.Contains(between.EnumerateArray(), d => d.GetProperty("table").GetString() == "IndicatorObservations"
            && d.GetProperty("key").GetString() == target.Id.ToString(CultureInfo.InvariantCulture));
    }

    private static string Text(decimal? value) => value!.Value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"password: (\S+)")]
    private static partial Regex PasswordLine();

    [GeneratedRegex("name=\"BaseVersion\" value=\"([0-9a-f]*)\"")]
    private static partial Regex BaseVersionInput();
}
