using System.Globalization;
using ClusterAtlas.Japanese;
using Xunit;

namespace ClusterAtlas.Tests.Japanese;

public class FiscalYearTests
{
    [Theory]
    [InlineData(2007, "2007-04-01", "2008-03-31")]
    [InlineData(2019, "2019-04-01", "2020-03-31")]
    [InlineData(2023, "2023-04-01", "2024-03-31")]
    [InlineData(1988, "1988-04-01", "1989-03-31")]
    public void StartAndEnd_RunFromAprilToMarch(int startYear, string start, string end)
    {
        var year = new FiscalYear(startYear);
        Assert.Equal(DateOnly.Parse(start, CultureInfo.InvariantCulture), year.Start);
        Assert.Equal(DateOnly.Parse(end, CultureInfo.InvariantCulture), year.End);
    }

    [Theory]
    [InlineData(2007, "平成19年度")]
    [InlineData(2018, "平成30年度")]
    [InlineData(2019, "令和元年度")]
    [InlineData(2020, "令和2年度")]
    [InlineData(2026, "令和8年度")]
    [InlineData(1990, "平成2年度")]
    [InlineData(1989, "平成元年度")]
    [InlineData(1988, "昭和63年度")]
    [InlineData(1926, "昭和元年度")]
    [InlineData(1925, "大正14年度")]
    [InlineData(1912, "大正元年度")]
    [InlineData(1868, "明治元年度")]
    [InlineData(1867, "1867年度")]
    public void JapaneseLabel_Year_UsesEraNamingThatCalendarYear(int startYear, string expected)
    {
        Assert.Equal(expected, new FiscalYear(startYear).JapaneseLabel);
    }

    [Theory]
    [InlineData(2007, "FY2007")]
    [InlineData(2019, "FY2019")]
    [InlineData(1989, "FY1989")]
    public void EnglishLabelAndToString_Year_AreFyPrefixed(int startYear, string expected)
    {
        var year = new FiscalYear(startYear);
        Assert.Equal(expected, year.EnglishLabel);
        Assert.Equal(expected, year.ToString());
    }

    [Theory]
    [InlineData("2007-04-01", 2007)]
    [InlineData("2008-03-31", 2007)]
    [InlineData("2007-03-31", 2006)]
    [InlineData("2007-12-31", 2007)]
    [InlineData("2008-01-01", 2007)]
    [InlineData("2019-04-30", 2019)]
    [InlineData("2019-05-01", 2019)]
    [InlineData("2024-02-29", 2023)]
    public void Of_Date_ReturnsFiscalYearContainingIt(string date, int expected)
    {
        var day = DateOnly.Parse(date, CultureInfo.InvariantCulture);
        var year = FiscalYear.Of(day);
        Assert.Equal(expected, year.StartYear);
        Assert.True(year.Contains(day));
        Assert.False(new FiscalYear(expected + 1).Contains(day));
    }

    [Fact]
    public void JapaneseLabel_EveryYearSinceMeiji_ParsesBackToSameYear()
    {
        for (var startYear = 1868; startYear <= 2100; startYear++)
        {
            var label = new FiscalYear(startYear).JapaneseLabel;
            var parsed = FiscalYearParser.Parse(label);
            Assert.True(parsed.StartYear == startYear, $"{label} parsed as {parsed.StartYear} ({parsed.Error})");
            Assert.Empty(parsed.Warnings);
        }
    }
}
