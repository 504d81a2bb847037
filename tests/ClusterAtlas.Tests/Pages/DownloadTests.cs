using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using System.Text.Json;
using ClusterAtlas.Tests.Infrastructure;
using Xunit;

namespace ClusterAtlas.Tests.Pages;

/// <summary>Every table offers its data under the same query: CSV (UTF-8 with BOM for Excel) and JSON.</summary>
[Collection(SeededApiFixture.Name)]
public sealed class DownloadTests(AtlasFactory factory)
{
    private readonly HttpClient client = PortalClient.Create(factory);

    private async Task<(byte[] Bytes, string Text, string? Type, string? FileName)> GetAsync(string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return (bytes, Encoding.UTF8.GetString(bytes), response.Content.Headers.ContentType?.MediaType,
            response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
    }

    private static List<string> Records(string csv)
    {
        // Records end with CRLF; quoted fields may hold line breaks, so split outside quotes only.
        var records = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (c == '"')
            {
                quoted = !quoted;
            }
            if (!quoted && c == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n')
            {
                records.Add(current.ToString());
                current.Clear();
                i++;
                continue;
            }
            current.Append(c);
        }
        if (current.Length > 0)
        {
            records.Add(current.ToString());
        }
        return records;
    }

    [Fact]
    public async Task RegionsCsv_HasBomHeaderAndOneRowPerRegion()
    {
        var (bytes, text, type, name) = await GetAsync("/regions?format=csv");
        Assert.Equal("text/csv", type);
        Assert.Equal("regions.csv", name);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var records = Records(text.TrimStart('\uFEFF'));
        Assert.Equal("地域,都道府県,分野,参加事業,出典 / sources", records[0]);
        Assert.Equal(29, records.Count - 1);
        Assert.Contains(records, r => r.StartsWith("広域仙台地域,宮城県,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FilteredCsv_HasTheRowsOfTheSameQuery()
    {
        var (_, text, _, _) = await GetAsync("/regions?programme=kc&fiscalYear=H21&format=csv&lang=en");
        var api = JsonDocument.Parse((await GetAsync("/api/v1/regions?programme=kc&fiscalYear=H21")).Text);
        var records = Records(text.TrimStart('\uFEFF'));
        Assert.StartsWith("Region,Prefectures,Fields,Participations", records[0], StringComparison.Ordinal);
        Assert.Equal(api.RootElement.GetProperty("total").GetInt32(), records.Count - 1);
    }

    [Fact]
    public async Task RegionsJson_IsTheQueryRecordsWithCitations()
    {
        var (_, text, type, _) = await GetAsync("/regions?format=json");
        Assert.Equal("application/json", type);
        using var json = JsonDocument.Parse(text);
        Assert.Equal(29, json.RootElement.GetArrayLength());
        Assert.All(json.RootElement.EnumerateArray(), r => Assert.True(r.GetProperty("citations").GetArrayLength() > 0));
    }

    [Theory]
    [InlineData("/regions/sendai", "links", 2)]
    [InlineData("/regions/hakodate", "participations", 4)]
    [InlineData("/programmes/mext-regional-innovation-support", "budgets", 4)]
    [InlineData("/sources", "sources", 5)]
    public async Task PageTable_DownloadsWithTheRowsShown(string page, string table, int rows)
    {
        var (_, text, _, _) = await GetAsync($"{page}?format=csv&table={table}");
        Assert.Equal(rows, Records(text.TrimStart('\uFEFF')).Count - 1);
        var html = await client.PageAsync(page);
        Assert.Contains($"href=\"{page}?format=csv&amp;table={table}\" download>CSV</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegionsXlsx_IsAWorkbookWithTheSameRowsAsTheCsv()
    {
        var (bytes, _, type, name) = await GetAsync("/regions?format=xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", type);
        Assert.Equal("regions.xlsx", name);
        using var zip = new ZipArchive(new MemoryStream(bytes));
        Assert.NotNull(zip.GetEntry("[Content_Types].xml"));
        Assert.NotNull(zip.GetEntry("xl/workbook.xml"));
        using var sheetStream = zip.GetEntry("xl/worksheets/sheet1.xml")!.Open();
        XNamespace ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        var rows = XDocument.Load(sheetStream).Descendants(ns + "row").ToList();
        Assert.Equal(30, rows.Count);
        var header = rows[0].Elements(ns + "c").Select(c => c.Value).ToList();
        Assert.Equal(["地域", "都道府県", "分野", "参加事業", "出典 / sources"], header);
        Assert.Contains(rows.Skip(1), r => r.Elements(ns + "c").First().Value == "広域仙台地域");
        var html = await client.PageAsync("/regions");
        Assert.Contains("format=xlsx", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownFormat_IsABadRequest()
    {
        using var response = await client.GetAsync(new Uri("/regions?format=xls", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
    }
}
