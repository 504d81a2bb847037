using ClusterAtlas.Generation;
using ClusterAtlas.Japanese;
using Xunit;

namespace ClusterAtlas.Tests.Generation;

/// <summary>What the generated rows look like: Japanese names, consistent terms, citations that quote their line.</summary>
public sealed class SyntheticDatasetTests
{
    private readonly SyntheticDataset data = new(new GenerationScale(3_000), 1);

    [Fact]
    public void Codes_AreUniqueInEveryTableThatHasThem()
    {
        Assert.Equal(data.Regions().Count(), data.Regions().Select(r => r.Code).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(data.Programmes().Count(), data.Programmes().Select(r => r.Code).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(data.Organisations().Count(), data.Organisations().Select(r => r.Code).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(data.People().Count(), data.People().Select(r => r.Code).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(data.Events().Count(), data.Events().Select(r => r.Code).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Projects_HaveTermsInsideTheirTrack_AndTermTextMatchingTheYears()
    {
        var tracks = data.Programmes().ToDictionary(p => p.Id);
        foreach (var p in data.Participations())
        {
            var track = tracks[p.ProgrammeId];
            Assert.Equal(ClusterAtlas.Programmes.ProgrammeKind.Track, track.Kind);
            Assert.InRange(p.StartFiscalYear, track.StartFiscalYear!.Value, track.EndFiscalYear!.Value);
            Assert.True(p.EndFiscalYear is null || p.EndFiscalYear >= p.StartFiscalYear);
            var parsed = TermParser.Parse(p.TermText);
            Assert.Equal(p.StartFiscalYear, parsed.StartYear);
            Assert.Equal(p.EndFiscalYear, parsed.EndYear);
        }
    }

    [Fact]
    public void Searchable_WordsOccurAtRealisticRates()
    {
        var themes = data.Participations().Select(p => p.ClusterName + p.Theme).ToList();
        var sousaku = themes.Count(t => t.Contains("創薬", StringComparison.Ordinal));
        // A 2-character word of one field hits some projects, far from all of them.
        Assert.InRange(sousaku, themes.Count / 100, themes.Count / 3);
        Assert.Contains(data.Organisations(), o => o.NameJa.StartsWith("株式会社", StringComparison.Ordinal) || o.NameJa.EndsWith("株式会社", StringComparison.Ordinal));
        Assert.Contains(data.Organisations(), o => o.NameJa.Contains("大学", StringComparison.Ordinal));
        Assert.All(data.People(), p => Assert.Matches(@"^\S+ \S+$", p.NameJa));
    }

    [Fact]
    public void Citations_QuoteTheLineTheyPointAt()
    {
        var documents = data.SourceDocuments().ToDictionary(d => d.Id, d => d.Lines(), StringComparer.Ordinal);
        foreach (var c in data.Citations())
        {
            var lines = documents[c.SourceDocumentId!];
            Assert.InRange(c.LineStart!.Value, 1, lines.Count);
            Assert.Contains(c.Quote, lines[c.LineStart.Value - 1], StringComparison.Ordinal);
        }
    }
}
