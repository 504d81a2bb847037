using ClusterAtlas.Japanese;
using Xunit;

namespace ClusterAtlas.Tests.Japanese;

public class TermParserTests
{
    [Theory]
    [InlineData("H14年~H18年", 2002, 2006)]
    [InlineData("H19-H23", 2007, 2011)]
    [InlineData("H13年〜H18年", 2001, 2006)]
    [InlineData("H9年~H19年", 1997, 2007)]
    [InlineData("H14年~ H19年", 2002, 2007)]
    [InlineData("H 1 4年~ H 1 9年", 2002, 2007)]
    [InlineData("H1 4 年~H1 8年", 2002, 2006)]
    [InlineData("(H22-H24)", 2010, 2012)]
    [InlineData("（H21-H25）", 2009, 2013)]
    [InlineData("Ｈ１９～Ｈ２３", 2007, 2011)]
    [InlineData("H19－H23", 2007, 2011)]
    [InlineData("H19—H23", 2007, 2011)]
    [InlineData("H30~R2", 2018, 2020)]
    [InlineData("2007-2011", 2007, 2011)]
    [InlineData("平成19年度から平成23年度まで", 2007, 2011)]
    [InlineData("H19~H19", 2007, 2007)]
    public void Parse_ClosedTerm_ReturnsStartAndEnd(string text, int start, int end)
    {
        var result = TermParser.Parse(text);
        Assert.True(result.Success, result.Error);
        Assert.Equal(start, result.StartYear);
        Assert.Equal(end, result.EndYear);
        Assert.False(result.IsOpen);
        Assert.Empty(result.Warnings);
    }

    [Theory]
    [InlineData("平成13~17年度", 2001, 2005)]
    [InlineData("平成15~18年度", 2003, 2006)]
    [InlineData("H14~15年度", 2002, 2003)]
    [InlineData("H19〜23", 2007, 2011)]
    [InlineData("R2~5年度", 2020, 2023)]
    [InlineData("H2~10年度", 1990, 1998)]
    public void Parse_EndWithoutEra_CarriesStartEra(string text, int start, int end)
    {
        var result = TermParser.Parse(text);
        Assert.True(result.Success, result.Error);
        Assert.Equal(start, result.StartYear);
        Assert.Equal(end, result.EndYear);
    }

    [Theory]
    [InlineData("H19年~", 2007)]
    [InlineData("(H 1 9 年~)", 2007)]
    [InlineData("(H 1 7 年~)", 2005)]
    [InlineData("(H 1 3 年 ~)", 2001)]
    [InlineData("H15年〜", 2003)]
    [InlineData("（H14年~）", 2002)]
    [InlineData("平成19年度から", 2007)]
    [InlineData("H19-", 2007)]
    public void Parse_OpenTerm_HasNoEndYear(string text, int start)
    {
        var result = TermParser.Parse(text);
        Assert.True(result.Success, result.Error);
        Assert.Equal(start, result.StartYear);
        Assert.Null(result.EndYear);
        Assert.True(result.IsOpen);
    }

    [Theory]
    [InlineData("平成19年度", 2007)]
    [InlineData("H22", 2010)]
    [InlineData("FY2019", 2019)]
    public void Parse_SingleYear_IsOneYearTerm(string text, int year)
    {
        var result = TermParser.Parse(text);
        Assert.True(result.Success, result.Error);
        Assert.Equal(year, result.StartYear);
        Assert.Equal(year, result.EndYear);
    }

    [Theory]
    [InlineData("日12年~日19年", 2000, 2007, 2)]
    [InlineData("(日12年~日19年)", 2000, 2007, 2)]
    [InlineData("日12年~H19年", 2000, 2007, 1)]
    public void Parse_OcrNoise_ReadsYearsWithOneWarningPerCorrection(string text, int start, int end, int warnings)
    {
        var result = TermParser.Parse(text);
        Assert.True(result.Success, result.Error);
        Assert.Equal(start, result.StartYear);
        Assert.Equal(end, result.EndYear);
        Assert.Equal(warnings, result.Warnings.Count);
        Assert.All(result.Warnings, w => Assert.Equal("OCR noise: '日' read as 'H'", w));
    }

    [Fact]
    public void Parse_EndPastEraEnd_ReadsWithWarning()
    {
        var result = TermParser.Parse("H30~H32");
        Assert.True(result.Success, result.Error);
        Assert.Equal(2018, result.StartYear);
        Assert.Equal(2020, result.EndYear);
        Assert.Contains("平成32", Assert.Single(result.Warnings), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("H19~H14")]
    [InlineData("平成17~13年度")]
    [InlineData("2011-2007")]
    [InlineData("R2~H30")]
    public void Parse_EndBeforeStart_ReturnsError(string text)
    {
        var result = TermParser.Parse(text);
        Assert.False(result.Success);
        Assert.Null(result.StartYear);
        Assert.Null(result.EndYear);
        Assert.Contains("before it starts", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "empty")]
    [InlineData("", "empty")]
    [InlineData("~H19", "no start year")]
    [InlineData("H19~H20~H21", "more than one")]
    [InlineData("H19~abc", "End of")]
    [InlineData("abc~H19", "Start of")]
    [InlineData("平成0年~平成3年", "era years start at 1")]
    [InlineData("2007~10", "has no era")]
    [InlineData("第I期:H14年~H18年", "Start of")]
    public void Parse_InvalidTerm_ReturnsClearError(string? text, string messagePart)
    {
        var result = TermParser.Parse(text);
        Assert.False(result.Success);
        Assert.False(result.IsOpen);
        Assert.Null(result.StartYear);
        Assert.Contains(messagePart, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_HostileText_ReturnsErrorWithoutThrowing()
    {
        // Built here, not in [InlineData]: an attribute argument cannot hold a lone surrogate.
        foreach (var text in new[] { "H14年~H18年\uFFFE", "H14" + (char)0xDC00 + "~H18", "令和80年度~令和99年度" })
        {
            var result = TermParser.Parse(text);
            Assert.False(result.Success);
            Assert.NotNull(result.Error);
        }
    }
}
