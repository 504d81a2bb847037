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
    public void Highlight_LongRepetitiveTerm_CostsAboutWhatAScanOfTheSameTextCosts()
    {
        // Searching again after each overlapping match took 50,000 × 25,000 steps: seconds (found by review while fuzzing).
        var repetitive = new string('a', 50_000);
        var term = new string('a', 25_000);
        var segment = Assert.Single(SearchHighlighter.Highlight(repetitive, [term]));
        Assert.True(segment.Match);

        // A ratio against a baseline of the same run, not a time limit: the same sizes with a term found nowhere.
        var scan = Fastest(() => SearchHighlighter.Highlight(new string('b', 50_000), [term]));
        var worst = Fastest(() => SearchHighlighter.Highlight(repetitive, [term]));

        Assert.True(worst < scan * 20, $"repetitive {worst.TotalMilliseconds:F1} ms, scan {scan.TotalMilliseconds:F1} ms");
    }

    [Fact]
    public void Highlight_OverlappingAndRepeatedMatches_AreAllMarked()
    {
        var segments = SearchHighlighter.Highlight("abababxabaab", SearchHighlighter.Terms("aba"));

        Assert.Equal(["ababa", "bx", "aba", "ab"], segments.Select(s => s.Text));
        Assert.Equal([true, false, true, false], segments.Select(s => s.Match));
    }

    [Fact]
    public void Highlight_NonCharacterInText_KeepsTheOriginalCharactersAndMarksTheTerm()
    {
        var segments = SearchHighlighter.Highlight("ＬＳＩ\uFFFE開発", SearchHighlighter.Terms("lsi"));
        Assert.Equal("ＬＳＩ\uFFFE開発", string.Concat(segments.Select(s => s.Text)));
        Assert.Equal(new TextSegment("ＬＳＩ", true), segments[0]);
    }

    private static TimeSpan Fastest(Action action)
    {
        var best = TimeSpan.MaxValue;
        for (var i = 0; i < 3; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            best = watch.Elapsed < best ? watch.Elapsed : best;
        }
        return best;
    }
}
