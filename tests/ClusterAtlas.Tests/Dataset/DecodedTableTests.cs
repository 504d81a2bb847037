using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ClusterAtlas.Japanese;
using Xunit;

namespace ClusterAtlas.Tests.Dataset;

/// <summary>The decoded tables of sources 001 and 003 and the participation terms follow their stated trends and sums.</summary>
public sealed class DecodedTableTests
{
    private const string Source003 = "003_ac2ba5bdf92421bf";

    private static List<DataObject> Observations003() => DataFiles.Read("indicator-observations", "003-*.json");

    private static int Heisei(int fiscalYear) => fiscalYear - 1988;

    [Fact]
    public void ParticipantSeries_003_RiseYearByYearFromH14ToH18()
    {
        var series = Observations003()
            .Where(o => o.Text("indicator") is "participating-institutions" or "joint-research-participants")
            .GroupBy(o => (Indicator: o.Text("indicator")!, Sector: o.Text("sector")!))
            .ToList();

        Assert.Equal(4, series.Count); // 2 indicators × 2 sectors (company, university-public)
        Assert.Equal(["company", "university-public"], series.Select(s => s.Key.Sector).Distinct().Order(StringComparer.Ordinal));
        foreach (var s in series)
        {
            var points = s.ToList();
            var years = points.Select(p => p.WholeNumber("fyFrom")!.Value).ToList();
            // One point per fiscal year, in file order H14 (2002) … H18 (2006), each a single year.
            Assert.Equal([2002, 2003, 2004, 2005, 2006], years);
            Assert.All(points, p => Assert.Equal(p.WholeNumber("fyFrom"), p.WholeNumber("fyTo")));
            var values = points.Where(p => p.Number("value") is not null).Select(p => (Year: p.WholeNumber("fyFrom")!.Value, Value: p.Number("value")!.Value)).ToList();
            Assert.True(values.Count >= 4, $"{s.Key}: only {values.Count} values");
            for (var i = 1; i < values.Count; i++)
            {
                Assert.True(values[i].Value > values[i - 1].Value,
                    $"{s.Key}: H{Heisei(values[i].Year)} {values[i].Value} does not rise above H{Heisei(values[i - 1].Year)} {values[i - 1].Value}");
            }
            // The only gaps are the H14 participant cells printed as 「－」.
            Assert.All(points.Where(p => p.Number("value") is null), p =>
            {
                Assert.Equal(2002, p.WholeNumber("fyFrom"));
                Assert.Equal("no-data", p.Text("status"));
                Assert.Equal("－", p.Text("publishedText"));
            });
        }
    }

    [Fact]
    public void ParticipantSeries_003_ConcatenatedCellsGiveThePrintedDigitRun()
    {
        var observations = Observations003();
        var lines = DataFiles.SourceLines(Source003);
        for (var fy = 2002; fy <= 2006; fy++)
        {
            string Cell(string indicator, string sector)
            {
                var o = Assert.Single(observations, o => o.Text("indicator") == indicator && o.Text("sector") == sector && o.WholeNumber("fyFrom") == fy);
                return o.Text("publishedText")!;
            }
            var company = (Institutions: Cell("participating-institutions", "company"), Participants: Cell("joint-research-participants", "company"));
            var university = (Institutions: Cell("participating-institutions", "university-public"), Participants: Cell("joint-research-participants", "university-public"));

            // The source prints the four cells as one run followed by the year label (e.g. 「5679274071727平成１８年度」).
            var label = string.Create(CultureInfo.InvariantCulture, $"平成{Heisei(fy)}年度");
            var row = Assert.Single(lines, l => l.Normalize(NormalizationForm.FormKC).EndsWith(label, StringComparison.Ordinal));
            var run = row[..row.IndexOf('平', StringComparison.Ordinal)];
            Assert.Equal(run, company.Institutions + company.Participants + university.Institutions + university.Participants);

            // Participants are at least as many as institutions (a rule of the decoding).
            if (fy > 2002)
            {
                Assert.True(int.Parse(company.Participants, CultureInfo.InvariantCulture) >= int.Parse(company.Institutions, CultureInfo.InvariantCulture));
                Assert.True(int.Parse(university.Participants, CultureInfo.InvariantCulture) >= int.Parse(university.Institutions, CultureInfo.InvariantCulture));
            }
        }
    }

    [Fact]
    public void ForeignResearchers_H14ToH17_CountsAndSharesConsistent()
    {
        var observations = Observations003().Where(o => o.Text("programme") == "kc").ToList();
        var counts = Series(observations, "foreign-researchers");
        var shares = Series(observations, "foreign-researcher-share");
        Assert.Equal([2002, 2003, 2004, 2005], counts.Keys);
        Assert.Equal(counts.Keys, shares.Keys);

        // The source prints the header and both value runs right-to-left in the same order.
        var lines = DataFiles.SourceLines(Source003);
        var header = Regex.Matches(Assert.Single(lines, l => Regex.IsMatch(l, @"^(H\d\d){4}$")), @"H(\d\d)")
            .Select(m => 1988 + int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        var countRun = Regex.Matches(Assert.Single(lines, l => Regex.IsMatch(l, @"^(\d+人){4}$")), @"(\d+)人")
            .Select(m => decimal.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        var shareRun = Regex.Matches(Assert.Single(lines, l => Regex.IsMatch(l, @"^([\d.]+%){4}$")), @"([\d.]+)%")
            .Select(m => decimal.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(header.Order(), counts.Keys);
        for (var k = 0; k < 4; k++)
        {
            Assert.Equal(countRun[k], counts[header[k]]);
            Assert.Equal(shareRun[k], shares[header[k]]);
        }

        // The decoding notes state the same pairs.
        var notes = DataFiles.DecodingNotes("001-003.md");
        var decoded = Regex.Matches(notes[notes.IndexOf("Decoded: H14", StringComparison.Ordinal)..].Split('\n')[0], @"H(\d\d) (\d+)人 ([\d.]+)%").ToList();
        Assert.Equal(4, decoded.Count);
        foreach (var m in decoded)
        {
            var fy = 1988 + int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            Assert.Equal(decimal.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), counts[fy]);
            Assert.Equal(decimal.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture), shares[fy]);
        }

        // Count and share move together every year (the pairing check of the notes), and the implied number of
        // researchers (count / share) never falls by more than rounding of the one-decimal share allows.
        for (var fy = 2003; fy <= 2005; fy++)
        {
            Assert.Equal(Math.Sign(counts[fy] - counts[fy - 1]), Math.Sign(shares[fy] - shares[fy - 1]));
            var implied = counts[fy] / shares[fy] * 100;
            var impliedBefore = counts[fy - 1] / shares[fy - 1] * 100;
            Assert.True(implied >= impliedBefore * 0.98m, $"FY{fy}: implied researchers {implied:0} fall from {impliedBefore:0}");
        }
        Assert.All(shares.Values, s => Assert.InRange(s, 0m, 100m));
    }

    [Fact]
    public void IndustrialClusters_18Projects_CompaniesSumWithinOnePercentOfPublishedTotal()
    {
        var projects = DataFiles.Read("industrial-clusters");
        var total = Assert.Single(DataFiles.Read("indicator-observations"), o => o.Text("indicator") == "ic-companies");

        Assert.Equal(18, projects.Count);
        Assert.Equal(10_700m, total.Number("value"));
        Assert.Equal("約10,700社", total.Text("publishedText"));
        foreach (var p in projects)
        {
            // companiesApprox is the number printed in companiesText (「約2,240社」 → 2240).
            var digits = new string(p.Text("companiesText")!.Normalize(NormalizationForm.FormKC).Where(char.IsAsciiDigit).ToArray());
            Assert.Equal(int.Parse(digits, CultureInfo.InvariantCulture), p.WholeNumber("companiesApprox"));
        }
        var sum = projects.Sum(p => p.WholeNumber("companiesApprox")!.Value);
        Assert.InRange(sum, 10_700m * 0.99m, 10_700m * 1.01m);
        Assert.Single(projects.Select(p => p.WholeNumber("asOfYear")).Distinct());
    }

    [Fact]
    public void Participations_Terms_StartNotAfterEndAndMatchTheParsedTermText()
    {
        var participations = DataFiles.Read("participations");
        Assert.NotEmpty(participations);
        var problems = new List<string>();

        foreach (var p in participations)
        {
            var start = p.WholeNumber("startFy");
            var end = p.WholeNumber("endFy");
            if (start is null || (end is not null && start > end))
            {
                problems.Add($"{p.Where}: startFy {start} / endFy {end}");
                continue;
            }
            var term = TermParser.Parse(p.Text("termText"));
            if (term.Success && term.StartYear == start && term.EndYear == end)
            {
                continue;
            }
            // An inferred term may differ from its text when a note explains it.
            if (p.Text("basis") == "inferred" && !string.IsNullOrWhiteSpace(p.Text("note")))
            {
                continue;
            }
            problems.Add(term.Success
                ? $"{p.Where}: termText '{p.Text("termText")}' parses as {term.StartYear}–{term.EndYear}, stored {start}–{end}"
                : $"{p.Where}: termText '{p.Text("termText")}' does not parse ({term.Error}), stored {start}–{end}");
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    private static SortedDictionary<int, decimal> Series(List<DataObject> observations, string indicator)
    {
        var result = new SortedDictionary<int, decimal>();
        foreach (var o in observations.Where(o => o.Text("indicator") == indicator))
        {
            Assert.Equal(o.WholeNumber("fyFrom"), o.WholeNumber("fyTo"));
            result.Add(o.WholeNumber("fyFrom")!.Value, o.Number("value")!.Value);
        }
        return result;
    }
}
