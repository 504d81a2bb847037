using ClusterAtlas.Calendar;
using ClusterAtlas.Sources;

namespace ClusterAtlas.Reconciliation;

/// <summary>
/// The data-quality report of the budget tables: every budget cell with its published text, the value used and its
/// status, the derivations, the inconsistencies with their hypotheses, and the cells the totals leave open.
/// <see cref="Derived"/>, <see cref="Undetermined"/> and <see cref="NoData"/> are views of <see cref="Cells"/>.
/// </summary>
public sealed record BudgetQualityReport(
    QualitySummary Summary,
    IReadOnlyList<QualityTable> Tables,
    IReadOnlyList<BudgetCellQuality> Derived,
    IReadOnlyList<QualityInconsistency> Inconsistencies,
    IReadOnlyList<BudgetCellQuality> Undetermined,
    IReadOnlyList<BudgetCellQuality> NoData,
    IReadOnlyList<BudgetCellQuality> Cells);

public sealed record QualitySummary(
    int Tables, int Cells, int Published, int Derived, int Undetermined, int Inconsistent, int NoData, int Inconsistencies);

/// <summary>One reconciled table: a bundle (its lines are the column totals) and the measures under it.</summary>
public sealed record QualityTable(string Code, string NameJa, int Rows, IReadOnlyList<FiscalYearDto> FiscalYears, string Unit);

/// <summary>
/// One budget line as reconciled. Status: published, derived, undetermined, inconsistent or no-data; StoredStatus is
/// the status stored with the line (published, blank, no-data …), unchanged; Label names row and column as the
/// equations do (「医薬基盤研究所 H18」). Citations open the printed cell's source line.
/// </summary>
public sealed record BudgetCellQuality(
    int BudgetLineId, string Table, string Measure, string MeasureNameJa, FiscalYearDto? FiscalYear, bool IsRowTotal, bool IsColumnTotal,
    string Label, string PublishedText, string StoredStatus, decimal? PublishedAmount, decimal? ValueUsed, string Status,
    string Explanation, string? Equation, QualityRange? Range, IReadOnlyList<CitationDto> Citations);

/// <summary>The values an undetermined cell can take if amounts are non-negative; Max null = no upper bound.</summary>
public sealed record QualityRange(decimal Min, decimal? Max, string Text);

/// <summary>
/// A relation that does not hold. Numbered per table (cell explanations say 「inconsistency #n」); Difference is the
/// published total − the sum.
/// </summary>
public sealed record QualityInconsistency(
    string Table, int Number, string Kind, string Relation, string Equation, decimal? PublishedTotal, decimal? Sum, decimal Difference,
    IReadOnlyList<int> BudgetLineIds, IReadOnlyList<QualityHypothesis> Hypotheses);

/// <summary>A hypothesis; Measures are the rows it names (the neighbouring row first, then the row whose total includes it).</summary>
public sealed record QualityHypothesis(string Kind, string Text, decimal Amount, IReadOnlyList<string> Measures, IReadOnlyList<int> BudgetLineIds);
