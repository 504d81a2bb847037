using ClusterAtlas.Programmes;
using ClusterAtlas.Transfer;
using Microsoft.EntityFrameworkCore.Metadata;
using Xunit;

namespace ClusterAtlas.Tests.Transfer;

/// <summary>Cells as Japanese government tables write them, read for the column's type and unit.</summary>
public sealed class JapaneseCellsTests
{
    private static readonly IModel Model = SyntheticDump.Model();

    private static IProperty Column(string table, string column) =>
        TransferTables.Find(Model, table)!.FindProperty(column)!;

    private static CellValue Read(string table, string column, string? text, string? headerUnit = null) =>
        JapaneseCells.Parse(Column(table, column), text, headerUnit,
            column.EndsWith("MillionYen", StringComparison.Ordinal) ? "百万円" : null);

    [Theory]
    [InlineData("2007", 2007)]
    [InlineData("FY2007", 2007)]
    [InlineData("平成19年度", 2007)]
    [InlineData("H19", 2007)]
    [InlineData("Ｈ１９", 2007)]
    [InlineData("平成18年度", 2006)]
    [InlineData("令和元年度", 2019)]
    [InlineData("H31", 2019)]
    [InlineData(" 平成 19 年度 ", 2007)]
    public void FiscalYearColumn_EraYearsLettersFullWidthAndGregorian(string text, int year)
    {
        var cell = Read("BudgetLines", "FiscalYear", text);

        Assert.Null(cell.Error);
        Assert.Equal(year, cell.Value);
    }

    [Theory]
    [InlineData("70599", null, "70599")]
    [InlineData("７０，５９９", null, "70599")]
    [InlineData("70, 599", null, "70599")]
    [InlineData("▲1,234", null, "-1234")]
    [InlineData("△5", null, "-5")]
    [InlineData("−12.5", null, "-12.5")]
    [InlineData("5億円", null, "500")]
    [InlineData("1,234千円", null, "1.234")]
    [InlineData("1234", "千円", "1.234")]
    [InlineData("２億円", "千円", "200")] // a unit in the cell wins over the header's
    [InlineData("-1234.5", null, "-1234.5")]
    public void AmountColumn_NumbersAndUnitsConvertedToMillionYen(string text, string? headerUnit, string expected)
    {
        var cell = Read("BudgetLines", "AmountMillionYen", text, headerUnit);

        Assert.Null(cell.Error);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), cell.Value);
    }

    [Theory]
    [InlineData("－")]
    [InlineData("-")]
    [InlineData("―")]
    [InlineData("")]
    public void Dash_IsNoDataInANullableColumnAndAnErrorInARequiredOne(string text)
    {
        Assert.Equal(new CellValue(null), Read("BudgetLines", "AmountMillionYen", text));
        Assert.NotNull(Read("BudgetLines", "ProgrammeId", text).Error);
    }

    [Fact]
    public void DashInATextColumn_IsText()
    {
        Assert.Equal("－", Read("BudgetLines", "PublishedText", "－").Value);
    }

    [Fact]
    public void Approximate_ReadWithItsFlagForTheCallerToDecide()
    {
        var cell = Read("IndicatorObservations", "Value", "約2,500");

        Assert.Equal((2500m, true), ((decimal)cell.Value!, cell.Approximate));
    }

    [Theory]
    [InlineData("BudgetLines", "AmountMillionYen", "10超", "lower bound")]
    [InlineData("BudgetLines", "AmountMillionYen", "123(*)", "note mark")]
    [InlineData("BudgetLines", "AmountMillionYen", "5件", "件 does not fit AmountMillionYen")]
    [InlineData("BudgetLines", "AmountMillionYen", "1円", "more than the 4 decimals")]
    [InlineData("BudgetLines", "FiscalYear", "X19", "Not a fiscal year")]
    [InlineData("BudgetLines", "Status", "Guessed", "is not one of")]
    [InlineData("BudgetLines", "ProgrammeId", "1.5", "not a whole number")]
    [InlineData("Regions", "Latitude", "北緯43度", "not a number")]
    [InlineData("Organisations", "Id", "5億円", "holds no amount of money")]
    public void UnreadableCell_ClearReason(string table, string column, string text, string reason)
    {
        Assert.Contains(reason, Read(table, column, text).Error ?? "(no error)", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("NoData", BudgetStatus.NoData)]
    [InlineData("no-data", BudgetStatus.NoData)]
    [InlineData("published", BudgetStatus.Published)]
    public void EnumColumn_NameInAnyCaseWithOrWithoutDashes(string text, BudgetStatus status)
    {
        Assert.Equal(status, Read("BudgetLines", "Status", text).Value);
    }

    [Theory]
    [InlineData("2007-04-01")]
    [InlineData("2007/4/1")]
    [InlineData("2007年4月1日")]
    [InlineData("平成19年4月1日")]
    [InlineData("H19.4.1")]
    public void DateColumn_IsoSlashesKanjiAndEraDates(string text)
    {
        Assert.Equal(new DateOnly(2007, 4, 1), Read("Events", "StartDate", text).Value);
    }

    [Theory]
    [InlineData("Amount(千円)", "Amount", "千円")]
    [InlineData("AmountMillionYen（億円）", "AmountMillionYen", "億円")]
    [InlineData("NameJa", "NameJa", null)]
    public void Header_NameAndUnitInBrackets(string header, string name, string? unit)
    {
        Assert.Equal((name, unit), JapaneseCells.SplitHeader(header));
    }
}
