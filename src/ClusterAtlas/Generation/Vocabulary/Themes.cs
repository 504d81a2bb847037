namespace ClusterAtlas.Generation.Vocabulary;

public sealed record Theme(string Ja, string En);

public sealed record Field(string Ja, string En, IReadOnlyList<Theme> Themes);

/// <summary>
/// Research fields (分野) with the themes projects in them name. The words are the ones real cluster themes use
/// (創薬, 医療, ナノテク, バイオ, 半導体, 有機エレクトロニクス …), and a region draws most of its projects from its own
/// fields, so a 2-character query like 創薬 hits a realistic share of projects and regions, not all of them.
/// </summary>
public static class Themes
{
    public static IReadOnlyList<Field> Fields { get; } =
    [
        new("ライフサイエンス", "Life science", Parse("創薬:drug discovery 医療:medicine バイオ:biotechnology 再生医療:regenerative medicine ゲノム解析:genome analysis 抗体医薬:antibody drugs 診断薬:diagnostics 医療機器:medical devices 健康長寿:healthy longevity 創薬支援:drug discovery support")),
        new("情報通信", "Information and communications", Parse("半導体:semiconductors 組込みソフトウェア:embedded software 光通信:optical communications センサネットワーク:sensor networks 画像処理:image processing 人工知能:artificial intelligence IoT:IoT LSI設計:LSI design 情報セキュリティ:information security ロボット制御:robot control")),
        new("ナノテクノロジー・材料", "Nanotechnology and materials", Parse("ナノテク:nanotech 有機エレクトロニクス:organic electronics ナノ材料:nanomaterials 炭素繊維:carbon fibre 複合材料:composite materials 機能性セラミックス:functional ceramics 有機EL:OLED MEMS:MEMS ナノカーボン:nanocarbon 希少金属代替:rare metal substitution")),
        new("環境", "Environment", Parse("水処理:water treatment 環境浄化:remediation リサイクル:recycling バイオマス:biomass 排水処理:wastewater treatment 環境計測:environmental monitoring 低炭素社会:low-carbon society")),
        new("エネルギー", "Energy", Parse("燃料電池:fuel cells 太陽電池:solar cells 蓄電池:batteries 水素エネルギー:hydrogen energy パワー半導体:power semiconductors スマートグリッド:smart grids 地熱利用:geothermal")),
        new("ものづくり技術", "Manufacturing", Parse("精密加工:precision machining 光技術:photonics 金型:dies and moulds 輸送機器:transport equipment 次世代自動車:next-generation vehicles 航空機部品:aircraft parts LED照明:LED lighting 超精密計測:ultra-precision measurement")),
        new("食品", "Food", Parse("機能性食品:functional foods 食品加工:food processing 水産資源:marine resources 植物工場:plant factories 発酵:fermentation 食の安全:food safety")),
        new("医療・福祉", "Medical care and welfare", Parse("医療:medicine 介護ロボット:care robots 福祉機器:welfare devices 遠隔医療:telemedicine 医療情報:medical informatics 創薬:drug discovery")),
    ];

    /// <summary>Words around a theme: 「{theme}を核とした{target}の{action}」.</summary>
    public static IReadOnlyList<string> Targets { get; } =
        ["次世代技術", "高付加価値製品", "地域産業", "新産業", "基盤技術", "実用化技術", "国際競争力のある製品", "先端技術", "新規事業"];

    public static IReadOnlyList<string> Actions { get; } =
        ["研究開発", "実用化", "事業化", "拠点形成", "創出", "高度化", "人材育成と研究開発"];

    /// <summary>Endings of cluster names: 「{city}{theme}{suffix}」.</summary>
    public static IReadOnlyList<(string Ja, string En)> ClusterSuffixes { get; } =
        [("クラスター", "Cluster"), ("クラスター構想", "Cluster Initiative"), ("バレー", "Valley"), ("イノベーション拠点", "Innovation Hub"),
         ("産学官連携拠点", "Industry-Academia Hub"), ("プロジェクト", "Project"), ("研究開発拠点", "R&D Hub")];

    /// <summary>"日本語:English words 次:next …": a word with a colon starts a theme, words without one continue its English.</summary>
    private static List<Theme> Parse(string text)
    {
        var themes = new List<Theme>();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = word.IndexOf(':', StringComparison.Ordinal);
            if (colon >= 0)
            {
                themes.Add(new Theme(word[..colon], word[(colon + 1)..]));
            }
            else
            {
                themes[^1] = themes[^1] with { En = themes[^1].En + " " + word };
            }
        }
        return themes;
    }
}
