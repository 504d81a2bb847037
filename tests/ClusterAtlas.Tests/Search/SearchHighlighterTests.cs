using System.Diagnostics;
using ClusterAtlas.Search;
using Xunit;

namespace ClusterAtlas.Tests.Search;

public class SearchHighlighterTests
{
    [Fact]
    public void Highlight_OverlappingMatches_MarkTheWholeRunOnce()
    {
        var segments = SearchHighlighter.Highlight("xaaaax", SearchHighlighter.Terms("aa"));
        Assert.Equal(["x", "aaaa", "x"], segments.Select(s => s.Text));
        Assert.Equal([false, true, false], segments.Select(s => s.Match));
    }

    [Fact]
    public void Highlight_LongRepetitiveTerm_FinishesWithinTheFuzzTimeLimit()
    {
        // Each overlapping match re-marked every character: 50,000 × 25,000 steps took seconds (found by review while fuzzing).
        var text = new string('a', 50_000);
        var watch = Stopwatch.StartNew();
        var segment = Assert.Single(SearchHighlighter.Highlight(text, [new string('a', 25_000)]));
        Assert.True(segment.Match);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Highlight_NonCharacterInText_KeepsTheOriginalCharactersAndMarksTheTerm()
    {
        var segments = SearchHighlighter.Highlight("ＬＳＩ\uFFFE開発", SearchHighlighter.Terms("lsi"));
        Assert.Equal("ＬＳＩ\uFFFE開発", string.Concat(segments.Select(s => s.Text)));
        Assert.Equal(new TextSegment("ＬＳＩ", true), segments[0]);
    }
}
