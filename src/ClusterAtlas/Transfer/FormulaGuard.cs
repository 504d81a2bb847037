namespace ClusterAtlas.Transfer;

/// <summary>
/// Formula injection: a spreadsheet runs a cell that starts with = + - @ as a formula. Text cells are written with a
/// leading apostrophe (as Excel itself does for typed text), and the apostrophe is taken off again on import, so values
/// round-trip exactly. A value that already starts with an apostrophe gets a second one for the same reason.
/// </summary>
public static class FormulaGuard
{
    private const string Triggers = "=+-@";

    public static bool IsRisky(string value) => value.Length > 0 && Triggers.Contains(value[0], StringComparison.Ordinal);

    /// <summary>True when <see cref="Neutralise"/> changes the value.</summary>
    public static bool NeedsGuard(string value) => value.Length > 0 && (IsRisky(value) || value[0] == '\'');

    public static string Neutralise(string value) => NeedsGuard(value) ? "'" + value : value;

    /// <summary>Undoes <see cref="Neutralise"/>: an apostrophe followed by = + - @ or another apostrophe.</summary>
    public static string Restore(string value) =>
        value.Length > 1 && value[0] == '\'' && (value[1] == '\'' || Triggers.Contains(value[1], StringComparison.Ordinal)) ? value[1..] : value;
}
