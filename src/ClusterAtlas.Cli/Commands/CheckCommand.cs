using System.Text.Encodings.Web;
using System.Text.Json;
using ClusterAtlas.Reconciliation;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Cli.Commands;

/// <summary>`atlas check`: the budget data-quality report; exit 4 when published figures contradict each other.</summary>
internal static class CheckCommand
{
    public const string Help = """
        atlas check [--format text|json]
          Reconciles the budget tables against their published totals and prints the data-quality report:
          cells derived from the totals (with their equations), totals that do not add up (with a hypothesis
          where a simple one exists), cells the totals leave open (with their range) and 「-」 cells. Reads only.
          Exit 0 when every published relation holds, 4 when there are inconsistencies.
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // Terminal and file output, not HTML: keep Japanese and 「<u>*</u>」 readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static async Task<int> RunAsync(CommandContext c, CancellationToken ct)
    {
        var format = c.Args.Value("format") ?? "text";
        if (format is not ("text" or "json") || c.Args.Words.Count != 1)
        {
            await c.Error.WriteLineAsync("usage: atlas check [--format text|json]");
            return ExitCodes.Usage;
        }
        if ((await c.Db.Database.GetPendingMigrationsAsync(ct)).Any())
        {
            await c.Error.WriteLineAsync("The database schema is not up to date; run `atlas db migrate` (and `atlas db seed`) first.");
            return ExitCodes.Failure;
        }
        var report = (await new BudgetQuality(c.Db).RunAsync(null, ct))!;
        if (format == "json")
        {
            await c.Out.WriteLineAsync(JsonSerializer.Serialize(report, Json));
        }
        else
        {
            await c.Out.WriteAsync(Text(report));
        }
        return report.Inconsistencies.Count == 0 ? ExitCodes.Ok : ExitCodes.InconsistentData;
    }

    private static string Text(BudgetQualityReport report)
    {
        var w = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        var s = report.Summary;
        w.WriteLine($"Budget data quality ({BudgetQuality.Unit})");
        w.WriteLine($"{s.Cells} cells in {s.Tables} table(s): {s.Published} published, {s.Derived} derived, {s.Undetermined} undetermined, " +
            $"{s.Inconsistent} inconsistent, {s.NoData} no data; {s.Inconsistencies} inconsistencies");
        foreach (var table in report.Tables)
        {
            var years = table.FiscalYears.Count == 0 ? "no years" : $"{table.FiscalYears[0].Ja}–{table.FiscalYears[^1].Ja}";
            w.WriteLine();
            w.WriteLine($"== {table.NameJa} [{table.Code}]: {table.Rows} measures × {table.FiscalYears.Count} years ({years})");
            var derived = report.Derived.Where(d => d.Table == table.Code).ToList();
            Section(w, "Derived from the totals", derived, d => [d.Equation ?? $"{d.Label} = {d.ValueUsed}", $"   {d.Explanation}"]);
            var inconsistencies = report.Inconsistencies.Where(i => i.Table == table.Code).ToList();
            Section(w, "Inconsistencies", inconsistencies, i =>
                [$"#{i.Number} {i.Relation}: {i.Equation}", .. Hypotheses(i)]);
            var open = report.Undetermined.Where(u => u.Table == table.Code).ToList();
            Section(w, "Undetermined (range if amounts are non-negative)", open, u =>
                [$"{u.Label}: {u.Range?.Text ?? "any value"}", $"   {u.Explanation}"]);
            var noData = report.NoData.Where(n => n.Table == table.Code).ToList();
            Section(w, "No data (「-」)", noData, n => [$"{n.Label} 「{n.PublishedText}」: {n.Explanation}"]);
        }
        w.WriteLine();
        w.WriteLine(s.Inconsistencies == 0
            ? "Every published relation holds (exit 0)."
            : $"{s.Inconsistencies} inconsistencies: published figures do not add up (exit {ExitCodes.InconsistentData}). Nothing was changed.");
        return w.ToString();
    }

    private static IEnumerable<string> Hypotheses(QualityInconsistency i) => i.Hypotheses.Count == 0
        ? ["   no single simple explanation found"]
        : i.Hypotheses.Select(h => $"   hypothesis ({h.Kind}): {h.Text}");

    private static void Section<T>(StringWriter w, string title, List<T> items, Func<T, IEnumerable<string>> lines)
    {
        if (items.Count == 0)
        {
            return;
        }
        w.WriteLine();
        w.WriteLine($"{title} ({items.Count})");
        foreach (var line in items.SelectMany(lines))
        {
            w.WriteLine($"  {line}");
        }
    }
}
