using System.Globalization;
using ClusterAtlas.Japanese;
using Xunit;

namespace ClusterAtlas.Tests.Japanese;

public class JapaneseNumberTests
{
    private static decimal D(string value) => decimal.Parse(value, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("70, 599", "70599")]
    [InlineData("５，１３９", "5139")]
    [InlineData("5, 139", "5139")]
    [InlineData("21, 567", "21567")]
    [InlineData("1,150", "1150")]
    [InlineData("1,234,567", "1234567")]
    [InlineData("４５１０", "4510")]
    [InlineData("2230", "2230")]
    [InlineData("0", "0")]
    [InlineData("12.5", "12.5")]
    [InlineData(" 401 ", "401")]
    public void Parse_PlainNumber_ReadsValue(string text, string expected)
    {
        var result = JapaneseNumber.Parse(text);
        Assert.True(result.Success, result.Error);
        Assert.Equal(D(expected), result.Value);
        Assert.Null(result.Unit);
        Assert.False(result.IsApproximate);
        Assert.False(result.IsLowerBound);
        Assert.False(result.IsNoData);
        Assert.Null(result.Footnote);
    }

    [Theory]
    [InlineData("２３２件", "232", "件")]
    [InlineData("2.8%", "2.8", "%")]
    [InlineData("4.4％", "4.4", "%")]
    [InlineData("3.9倍", "3.9", "倍")]
    [InlineData("5,139百万円", "5139", "百万円")]
    [InlineData("401千円", "401", "千円")]
    [InlineData("30万円", "30", "万円")]
    [InlineData("10億円", "10", "億円")]
    [InlineData("1,000円", "1000", "円")]
    [InlineData("682人", "682", "人")]
    [InlineData("682名", "682", "名")]
    [InlineData("21社", "21", "社")]
    [InlineData("11大学", "11", "大学")]
    [InlineData("66課題", "66", "課題")]
    [InlineData("22 課題", "22", "課題")]
    public void Parse_NumberWithUnit_SeparatesUnit(string text, string expected, string unit)
    {
        var result = JapaneseNumber.Parse(text);
        Assert.True(result.Success, result.Error);
        Assert.Equal(D(expected), result.Value);
        Assert.Equal(unit, result.Unit);
        Assert.False(result.IsApproximate);
    }

    [Theory]
    [InlineData("▲1,234", "-1234", null)]
    [InlineData("△56", "-56", null)]
    [InlineData("−7", "-7", null)]
    [InlineData("-7", "-7", null)]
    [InlineData("－７", "-7", null)]
    [InlineData("▲2.5%", "-2.5", "%")]
    [InlineData("▲ 1, 234 百万円", "-1234", "百万円")]
    [InlineData("△0.3倍", "-0.3", "倍")]
    public void Parse_NegativeMarker_ReturnsNegativeValue(string text, string expected, string? unit)
    {
        var result = JapaneseNumber.Parse(text);
        Assert.True(result.Success, result.Error);
        Assert.Equal(D(expected), result.Value);
        Assert.Equal(unit, result.Unit);
        Assert.False(result.IsNoData);
    }

    [Theory]
    [InlineData("約10,700社", "10700", "社")]
    [InlineData("約110社", "110", "社")]
    [InlineData("100件程度", "100", "件")]
    [InlineData("概ね80%", "80", "%")]
    [InlineData("おおむね５０％", "50", "%")]
    [InlineData("およそ3倍", "3", "倍")]
    [InlineData("100件弱", "100", "件")]
    [InlineData("20社前後", "20", "社")]
    public void Parse_ApproximateQualifier_SetsIsApproximate(string text, string expected, string unit)
    {
        var result = JapaneseNumber.Parse(text);
        Assert.True(result.Success, result.Error);
        Assert.Equal(D(expected), result.Value);
        Assert.Equal(unit, result.Unit);
        Assert.True(result.IsApproximate);
        Assert.False(result.IsLowerBound);
    }

    [Theory]
    [InlineData("10億円超", "10", "億円", false)]
    [InlineData("10億円を超える", "10", "億円", false)]
    [InlineData("100件以上", "100", "件", false)]
    [InlineData("1億円超", "1", "億円", false)]
    [InlineData("約10億円を超える", "10", "億円", true)]
    [InlineData("約100社超", "100", "社", true)]
    public void Parse_ExceedsQualifier_SetsIsLowerBound(string text, string expected, string unit, bool approximate)
    {
        var result = JapaneseNumber.Parse(text);
        Assert.True(result.Success, result.Error);
        Assert.Equal(D(expected), result.Value);
        Assert.Equal(unit, result.Unit);
        Assert.True(result.IsLowerBound);
        Assert.Equal(approximate, result.IsApproximate);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("－")]
    [InlineData("-")]
    [InlineData("―")]
    [InlineData("—")]
    [InlineData("‐")]
    [InlineData("− ")]
    [InlineData("－－")]
    public void Parse_DashOrEmpty_IsNoDataNotZero(string? text)
    {
        var result = JapaneseNumber.Parse(text);
        Assert.True(result.Success, result.Error);
        Assert.True(result.IsNoData);
        Assert.Null(result.Value);
        Assert.Null(result.Footnote);
        Assert.Null(JapaneseNumber.ToMillionYen(result, "百万円"));
    }

    [Theory]
    [InlineData("- (<u>*</u>)", "(<u>*</u>)")]
    [InlineData("－(*)", "(*)")]
    [InlineData("―※未計上", "※未計上")]
    [InlineData("(*)", "(*)")]
    public void Parse_NoDataWithFootnote_KeepsFootnote(string text, string footnote)
    {
        var result = JapaneseNumber.Parse(text);
        Assert.True(result.IsNoData);
        Assert.Null(result.Value);
        Assert.Equal(footnote, result.Footnote);
    }

    [Theory]
    [InlineData("5,139(*)", "5139", "(*)")]
    [InlineData("5,139 (<u>*</u>)", "5139", "(<u>*</u>)")]
    [InlineData("８１５（＊）", "815", "(*)")]
    [InlineData("815*1", "815", "*1")]
    [InlineData("815 *", "815", "*")]
    [InlineData("815(*2)", "815", "(*2)")]
    [InlineData("2,577 ※H19年度は地域科学技術クラスター施策", "2577", "※H19年度は地域科学技術クラスター施策")]
    [InlineData("232件※1", "232", "※1")]
    public void Parse_ValueWithFootnote_SeparatesFootnote(string text, string expected, string footnote)
    {
        var result = JapaneseNumber.Parse(text);
        Assert.True(result.Success, result.Error);
        Assert.Equal(D(expected), result.Value);
        Assert.Equal(footnote, result.Footnote);
        Assert.False(result.IsNoData);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1,2345")]
    [InlineData("13, 600 13, 972")]
    [InlineData("12年")]
    [InlineData("▲")]
    [InlineData("1.2.3")]
    [InlineData("十")]
    [InlineData("１０−２０")]
    [InlineData("約")]
    [InlineData("5,139ドル")]
    public void Parse_UnreadableNumber_ReturnsErrorWithoutValue(string text)
    {
        var result = JapaneseNumber.Parse(text);
        Assert.False(result.Success);
        Assert.Null(result.Value);
        Assert.False(result.IsNoData);
        Assert.Contains(text, result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("5,139百万円", null, "5139")]
    [InlineData("5, 139", "百万円", "5139")]
    [InlineData("401千円", null, "0.401")]
    [InlineData("401", "千円", "0.401")]
    [InlineData("10億円", null, "1000")]
    [InlineData("約10億円を超える", null, "1000")]
    [InlineData("▲2億円", null, "-200")]
    [InlineData("1,000,000円", null, "1")]
    [InlineData("30万円", null, "0.3")]
    [InlineData("2億円", "千円", "200")]
    public void ToMillionYen_MoneyUnit_ConvertsToMillionYen(string text, string? assumedUnit, string expected)
    {
        Assert.Equal(D(expected), JapaneseNumber.ToMillionYen(JapaneseNumber.Parse(text), assumedUnit));
    }

    [Theory]
    [InlineData("232件", null)]
    [InlineData("2.8%", null)]
    [InlineData("3.9倍", "百万円")]
    [InlineData("5,139", null)]
    [InlineData("abc", "百万円")]
    public void ToMillionYen_NotMoney_ReturnsNull(string text, string? assumedUnit)
    {
        Assert.Null(JapaneseNumber.ToMillionYen(JapaneseNumber.Parse(text), assumedUnit));
    }

    [Theory]
    [InlineData("1234567890123456789012345678901234567890")]
    [InlineData("79,228,162,514,264,337,593,543,950,336")]
    [InlineData("1234567890123456789億円")]
    [InlineData("▲99999999999999999999")]
    public void Parse_MoreDigitsThanAnyFigure_ReturnsErrorWithoutThrowing(string text)
    {
        // decimal.Parse threw OverflowException past 28 digits (found by fuzzing).
        var result = JapaneseNumber.Parse(text);
        Assert.False(result.Success);
        Assert.Contains("digits before the decimal point", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EighteenDigitsInOkuYen_ConvertsWithoutOverflow()
    {
        var result = JapaneseNumber.Parse("999,999,999,999,999,999億円");
        Assert.True(result.Success, result.Error);
        Assert.Equal(99_999_999_999_999_999_900m, JapaneseNumber.ToMillionYen(result));
    }

    [Fact]
    public void Parse_LoneSurrogate_ReturnsErrorWithoutThrowing()
    {
        Assert.False(JapaneseNumber.Parse("12\uD800").Success);
    }
}
