namespace ClusterAtlas.Web.Features.Shared;

public sealed partial class UiText
{
    /// <summary>
    /// The texts of /budgets, /quality and the home map legend. A method, not a field: static fields of a partial class
    /// in two files have no defined initialisation order. Add throws on a key defined twice.
    /// </summary>
    private static Dictionary<string, (string Ja, string En)> WithBudgetTexts(Dictionary<string, (string Ja, string En)> texts)
    {
        (string Key, string Ja, string En)[] more =
        [
            // What each status means, in plain words (the legend of both pages).
            ("status.published.meaning", "出典に印刷された数値です。そのまま使います。", "The figure as printed in the source; used as it is."),
            ("status.derived.meaning", "出典では空欄ですが、印刷された合計から一つに決まる値です。計算式を示します。",
                "Blank in the source, but the printed totals allow only one value; the equation is shown."),
            ("status.undetermined.meaning", "出典では空欄で、合計からも一つに決まりません。金額がマイナスにならないとしたときの範囲を示します。空欄はゼロではありません。",
                "Blank in the source, and the totals do not pin it down; the range it can take (if amounts are not negative) is shown. A blank is not zero."),
            ("status.inconsistent.meaning", "印刷された数値どうしが合いません (例: 行の計が各年度の和と一致しない)。数値は書き換えず、考えられる理由 (仮説) を示します。",
                "Printed figures contradict each other (e.g. a row total is not the sum of its years). The figure is kept as printed, with a possible reason (hypothesis)."),
            ("status.no-data.meaning", "出典に「－」と印刷されています (データなし)。", "The source prints 「-」 (no data)."),
            ("status.blank.meaning", "出典では空欄で、照合できる合計がありません。ゼロではありません。", "Blank in the source, with no total to check it against. Not zero."),
            ("status.short.published", "公表", "published"),
            ("status.short.derived", "導出", "derived"),
            ("status.short.undetermined", "未確定", "undetermined"),
            ("status.short.inconsistent", "不整合", "inconsistent"),
            ("status.short.no-data", "データなし", "no data"),
            ("status.short.blank", "空欄", "blank"),

            // /budgets
            ("budgets.title", "施策別・年度別の予算", "Budgets by measure and fiscal year"),
            ("budgets.lead", "総合科学技術会議の「地域科学技術クラスター」施策一覧 (出典 004) に載っている各府省の施策の予算額です。数値は印刷どおりに示し、空欄を合計から導出できる場合はその値に「導出」の印を付けます。",
                "The budgets of each ministry's measures in CSTP's \"Regional S&T Clusters\" table (source 004). Figures are shown as printed; where the totals determine a blank, its value is shown marked \"derived\"."),
            ("budgets.legend", "印のない数値は出典どおりの公表値です。空欄はゼロではありません。印にポインターを合わせると説明が表示され、印を選ぶとデータ品質のページで根拠を開きます。",
                "Unmarked figures are published as printed. A blank is not zero. Point at a mark for its explanation; select it to open the reasoning on the data-quality page."),
            ("budgets.table", "施策別・年度別の予算 (百万円)", "Budgets by measure and fiscal year (million yen)"),
            ("budgets.measure", "施策", "Measure"),
            ("budgets.rowTotal", "計", "Total"),
            ("budgets.columnTotal", "連携施策群 計", "Total of all measures (計)"),
            ("budgets.ministry.none", "府省名の記載なし", "Ministry not printed"),
            ("budgets.statusOf", "{0} の状態", "{0} status"),
            ("budgets.figure.title", "{0}: {1}。出典の表記: {2}。{3}", "{0}: {1}. Printed: {2}. {3}"),
            // Chart categories: short enough that nine ministries fit on one axis.
            ("budgets.ministry.short.cao", "内閣府", "CAO"), ("budgets.ministry.short.mic", "総務省", "MIC"),
            ("budgets.ministry.short.mext", "文部科学省", "MEXT"), ("budgets.ministry.short.mhlw", "厚生労働省", "MHLW"),
            ("budgets.ministry.short.maff", "農林水産省", "MAFF"), ("budgets.ministry.short.meti", "経済産業省", "METI"),
            ("budgets.ministry.short.mlit", "国土交通省", "MLIT"), ("budgets.ministry.short.moe", "環境省", "MOE"),
            ("budgets.ministry.short.none", "記載なし", "not printed"),
            ("budgets.charts", "府省別・年度別のグラフ", "Charts by ministry and by fiscal year"),
            ("budgets.byMinistry.chart", "府省別の予算 (年度ごとに積み上げ、百万円)", "Budgets by ministry, stacked by fiscal year (million yen)"),
            ("budgets.byYear.chart", "年度別の予算 (府省ごとに積み上げ、百万円)", "Budgets by fiscal year, stacked by ministry (million yen)"),
            ("budgets.chart.note", "グラフは公表値と導出値を積み上げています。未確定のセル ({0}) は含みません。年度別のグラフでは、印刷された計との差を「未確定セルの合計」として積み上げます。",
                "The charts stack published and derived figures. Undetermined cells ({0}) are left out; in the chart by fiscal year, the difference to the printed total is stacked as \"undetermined cells together\"."),
            ("budgets.sums.table", "府省別・年度別の合計 (百万円)", "Sums by ministry and fiscal year (million yen)"),
            ("budgets.sums.ministry", "府省", "Ministry"),
            ("budgets.sums.undetermined", "未確定 {0}", "undetermined {0}"),
            ("budgets.sums.includesDerived", "導出値を含む", "includes derived values"),
            ("budgets.remainder", "未確定セルの合計 (計 − 確定値)", "Undetermined cells together (total − known)"),
            ("budgets.printedTotal", "計 (印刷された値)", "Total (as printed)"),
            ("budgets.notes", "注記", "Notes"),
            ("budgets.notes.unit", "単位は百万円です。", "Amounts are in million yen (百万円)."),
            ("budgets.notes.footnote", "脚注記号「{0}」", "Footnote marker 「{0}」"),
            ("budgets.notes.remark", "施策名の欄の注記", "Remark printed in the measure's name cell"),
            ("budgets.notes.quality", "各数値の状態と根拠 (計算式・範囲・仮説) は「データ品質」のページにあります。", "The status and reasoning of each figure (equation, range, hypothesis) are on the data-quality page."),
            ("budgets.download.note", "ダウンロードには、年度ごとの値と状態の列があります。JSON には説明と出典も含まれます。",
                "The downloads have a value and a status column per fiscal year; the JSON also has the explanations and citations."),

            // /quality
            ("quality.title", "データ品質: 予算表の照合", "Data quality: checking the budget tables"),
            ("quality.lead", "予算表のすべてのセルを、同じ表に印刷された合計 (行の計・列の計・総計) と照合した結果です。コマンド atlas check と API /api/v1/quality と同じ内容です。公表値は書き換えません。",
                "Every budget cell checked against the totals printed in the same table (row totals, column totals, the grand total): the same report as the command atlas check and the API /api/v1/quality. Published figures are never changed."),
            ("quality.statuses", "状態の意味", "What the statuses mean"),
            ("quality.summary", "{0} 表・{1} セル: 公表値 {2}、導出 {3}、未確定 {4}、不整合 {5}、データなし {6}。成り立たない関係 {7} 件。",
                "{1} cells in {0} table(s): {2} published, {3} derived, {4} undetermined, {5} inconsistent, {6} no data; {7} relations do not hold."),
            ("quality.table.heading", "{0}: {1} 施策 × {2} 年度 ({3}–{4})", "{0}: {1} measures × {2} fiscal years ({3}–{4})"),
            ("quality.engine", "説明と計算式は照合エンジンの出力 (英語) です。", "Explanations and equations are the checking engine's output."),
            ("quality.derived", "合計から導出した値", "Derived from the totals"),
            ("quality.inconsistencies", "成り立たない関係 (不整合)", "Relations that do not hold (inconsistencies)"),
            ("quality.inconsistencies.table", "成り立たない関係", "Relations that do not hold"),
            ("quality.inconsistency", "不整合 #{0}", "Inconsistency #{0}"),
            ("quality.hypothesis", "仮説", "Hypothesis"),
            ("quality.hypothesis.none", "単純な説明は見つかりませんでした。", "No simple explanation was found."),
            ("quality.undetermined", "未確定のセル (範囲)", "Undetermined cells (range)"),
            ("quality.noData", "データなし (「－」)", "No data (「-」)"),
            ("quality.cells", "すべてのセル", "Every cell"),
            ("quality.cells.table", "全セルの照合結果", "Every cell checked"),
            ("quality.cell", "セル", "Cell"),
            ("quality.published", "出典の表記", "As printed"),
            ("quality.valueUsed", "使用する値 (百万円)", "Value used (million yen)"),
            ("quality.explanation", "説明", "Explanation"),
            ("quality.equation", "計算式", "Equation"),
            ("quality.range", "範囲", "Range"),
            ("quality.difference", "差 (計 − 和)", "Difference (total − sum)"),
            ("quality.relation", "関係", "Relation"),
            ("quality.ok", "印刷されたすべての関係が成り立っています。", "Every printed relation holds."),
            ("quality.none", "ありません。", "None."),
            ("quality.sourceLine", "出典の行", "Source line"),
            ("quality.budgets", "府省別・年度別の表は「予算」のページにあります。", "The table by ministry and fiscal year is on the budgets page."),

            // Home map legend: the programme track and the group label printed in source 002.
            ("home.map.groups", "点の色は、継続地域一覧 (出典 002) に印刷された区分 (区分のない行は事業の型) を示します。",
                "Colours show the group printed in the list of continuing regions (source 002), or the programme track where no group is printed."),
            ("home.map.group.unlabelled", "{0} (区分の記載なし)", "{0} (no group label printed)"),
            ("home.map.group.labelled", "{0}", "{1}: 「{0}」"),
        ];
        foreach (var (key, ja, en) in more)
        {
            texts.Add(key, (ja, en));
        }
        return texts;
    }
}
