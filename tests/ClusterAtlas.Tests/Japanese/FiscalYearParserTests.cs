using ClusterAtlas.Japanese;
using Xunit;

namespace ClusterAtlas.Tests.Japanese;

public class FiscalYearParserTests
{
    private const string OcrWarning = "OCR noise: '日' read as 'H'";

    [Theory]
    [InlineData("平成19年度", 2007)]
    [InlineData("平成19年", 2007)]
    [InlineData("平成19", 2007)]
    [InlineData("平成元年度", 1989)]
    [InlineData("平成31年度", 2019)]
    [InlineData("令和元年度", 2019)]
    [InlineData("令和2年度", 2020)]
    [InlineData("昭和63年度", 1988)]
    [InlineData("昭和64年", 1989)]
    [InlineData("大正15年", 1926)]
    [InlineData("明治45年度", 1912)]
    [InlineData("平19", 2007)]
    [InlineData("令3", 2021)]
    [InlineData("昭63年度", 1988)]
    public void Parse_KanjiEra_ReturnsGregorianStart(string text, int expected)
    {
        var result = FiscalYearParser.Parse(text);
        Assert.True(result.Success, result.Error);
        Assert.Equal(expected, result.StartYear);
        Assert.Empty(result.Warnings);
        Assert.Null(result.Error);
    }

    [Theory]
    [InlineData("H19", 2007)]
    [InlineData("h19", 2007)]
    [InlineData("H19年", 2007)]
    [InlineData("H19年度", 2007)]
    [InlineData("H09年度", 1997)]
    [InlineData("H9", 1997)]
    [InlineData("R1", 2019)]
    [InlineData("R元", 2019)]
    [InlineData("r2年度", 2020)]
    [InlineData("S63", 1988)]
    [InlineData("T15", 1926)]
    [InlineData("M45", 1912)]
    public void Parse_LetterEra_ReturnsGregorianStart(string text, int expected)
    {
        var result = FiscalYearParser.Parse(text);
        Assert.True(result.Success, result.Error);
        Assert.Equal(expected, result.StartYear);
        Assert.Empty(result.Warnings);
    }

    [Theory]
    [InlineData("Ｈ１９", 2007)]
    [InlineData("ｈ１９年度", 2007)]
    [InlineData("平成１９年度", 2007)]
    [InlineData("「H 1 9 年」", 2007)]
    [InlineData("H 1 9 年", 2007)]
    [InlineData("H1 4 年", 2002)]
    [InlineData("（H19年度）", 2007)]
    [InlineData("(H19)", 2007)]
    [InlineData("  H19  ", 2007)]
    [InlineData("令和　元年度", 2019)]
    [InlineData("Ｒ元年度", 2019)]
    public void Parse_HeiseiWithFullWidthDigitsOrSpaces_ReturnsGregorianStart(string text, int expected)
    {
        var result = FiscalYearParser.Parse(text);
        Assert.True(result.Success, result.Error);
        Assert.Equal(expected, result.StartYear);
        Assert.Empty(result.Warnings);
    }

    [Theory]
    [InlineData("2007", 2007)]
    [InlineData("2007年度", 2007)]
    [InlineData("2007年", 2007)]
    [InlineData("FY2007", 2007)]
    [InlineData("fy2007", 2007)]
    [InlineData("FY 2007", 2007)]
    [InlineData("ＦＹ２００７", 2007)]
    [InlineData("２０１９年度", 2019)]
    [InlineData("1868", 1868)]
    [InlineData("2100", 2100)]
    public void Parse_GregorianYear_ReturnsItUnchanged(string text, int expected)
    {
        var result = FiscalYearParser.Parse(text);
        Assert.True(result.Success, result.Error);
        Assert.Equal(expected, result.StartYear);
        Assert.Equal(new FiscalYear(expected), result.FiscalYear);
    }

    [Theory]
    [InlineData("日12年", 2000)]
    [InlineData("日19年度", 2007)]
    [InlineData("日 1 2 年", 2000)]
    [InlineData("日１２", 2000)]
    public void Parse_OcrNoiseForHeisei_ReadsYearWithWarning(string text, int expected)
    {
        var result = FiscalYearParser.Parse(text);
        Assert.True(result.Success, result.Error);
        Assert.Equal(expected, result.StartYear);
        Assert.Equal([OcrWarning], result.Warnings);
    }

    [Theory]
    [InlineData("平成32年度", 2020, "平成32", "令和2")]
    [InlineData("H32", 2020, "平成32", "令和2")]
    [InlineData("平成35年度", 2023, "平成35", "令和5")]
    [InlineData("昭和65年", 1990, "昭和65", "平成2")]
    [InlineData("大正16年", 1927, "大正16", "昭和2")]
    public void Parse_YearPastEraEnd_CountsOnWithWarning(string text, int expected, string written, string actual)
    {
        var result = FiscalYearParser.Parse(text);
        Assert.True(result.Success, result.Error);
        Assert.Equal(expected, result.StartYear);
        var warning = Assert.Single(result.Warnings);
        Assert.Contains(written, warning, StringComparison.Ordinal);
        Assert.Contains(actual, warning, StringComparison.Ordinal);
        Assert.Contains($"FY{expected}", warning, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("平成0年")]
    [InlineData("H0")]
    [InlineData("H00年度")]
    [InlineData("令和0年度")]
    [InlineData("昭和0年")]
    public void Parse_EraYearZero_ReturnsError(string text)
    {
        var result = FiscalYearParser.Parse(text);
        Assert.False(result.Success);
        Assert.Null(result.StartYear);
        Assert.Contains("era years start at 1", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "empty")]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("abc", "not a year")]
    [InlineData("平成", "not a year")]
    [InlineData("H", "not a year")]
    [InlineData("年度", "not a year")]
    [InlineData("H19年度末", "not a year")]
    [InlineData("平成十九年度", "not a year")]
    [InlineData("X19", "not a year")]
    [InlineData("H123", "at most two digits")]
    [InlineData("19", "has no era")]
    [InlineData("19年度", "has no era")]
    [InlineData("FYH19", "not a year")]
    [InlineData("1700", "outside the supported years")]
    [InlineData("2101", "outside the supported years")]
    [InlineData("H19-H23", "use TermParser")]
    [InlineData("H19年~", "use TermParser")]
    public void Parse_UnreadableText_ReturnsClearErrorWithoutThrowing(string? text, string messagePart)
    {
        var result = FiscalYearParser.Parse(text);
        Assert.False(result.Success);
        Assert.Null(result.StartYear);
        Assert.Null(result.FiscalYear);
        Assert.Contains(messagePart, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TextThatStringNormalizeRejects_ReturnsErrorWithoutThrowing()
    {
        // Built here, not in [InlineData]: an attribute argument cannot hold a lone surrogate.
        foreach (var text in new[] { "H19\uFFFE", "\uFFFE", "H" + (char)0xD800 + "19年度" })
        {
            var result = FiscalYearParser.Parse(text);
            Assert.False(result.Success);
            Assert.NotNull(result.Error);
        }
    }

    [Fact]
    public void Parse_EraYearPastSupportedRange_IsRefusedLikeTheGregorianYear()
    {
        // 令和82 = 2100 is the last supported year; 令和83 = 2101 was accepted although FY2101 (its own label) is refused.
        Assert.Equal(2100, FiscalYearParser.Parse("令和82年度").StartYear);
        var beyond = FiscalYearParser.Parse("令和83年度");
        Assert.False(beyond.Success);
        Assert.Contains("2101", beyond.Error, StringComparison.Ordinal);
        Assert.False(FiscalYearParser.Parse("FY2101").Success);
    }

    [Theory]
    [InlineData("()")]
    [InlineData("（）")]
    [InlineData("「」")]
    [InlineData("(「」)")]
    [InlineData("[]")]
    public void Parse_EmptyBrackets_ReturnsErrorWithoutThrowing(string text)
    {
        // Stripping "()" left "", and the next bracket check read its first character (found by fuzzing).
        Assert.False(FiscalYearParser.Parse(text).Success);
        Assert.False(TermParser.Parse(text).Success);
    }

    [Theory]
    [InlineData("(「H19」)", 2007)]
    [InlineData("[(平成19年度)]", 2007)]
    public void Parse_NestedBrackets_AreAllStripped(string text, int expected)
    {
        Assert.Equal(expected, FiscalYearParser.Parse(text).StartYear);
    }
}
