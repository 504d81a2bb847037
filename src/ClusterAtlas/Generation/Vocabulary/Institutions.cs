namespace ClusterAtlas.Generation.Vocabulary;

public sealed record MinistryName(string Code, string Ja, string En);

public sealed record IndicatorName(string Code, string Ja, string En, string Unit);

/// <summary>Ministries, programmes, role titles and indicators: the institutional words of Japanese cluster policy.</summary>
public static class Institutions
{
    public static IReadOnlyList<MinistryName> Ministries { get; } =
    [
        new("mext", "文部科学省", "Ministry of Education, Culture, Sports, Science and Technology"),
        new("meti", "経済産業省", "Ministry of Economy, Trade and Industry"),
        new("mhlw", "厚生労働省", "Ministry of Health, Labour and Welfare"),
        new("maff", "農林水産省", "Ministry of Agriculture, Forestry and Fisheries"),
        new("mic", "総務省", "Ministry of Internal Affairs and Communications"),
        new("mlit", "国土交通省", "Ministry of Land, Infrastructure, Transport and Tourism"),
        new("moe", "環境省", "Ministry of the Environment"),
        new("cao", "内閣府", "Cabinet Office"),
    ];

    /// <summary>Programme names (施策); the generator numbers repeats as later rounds (第2期 …).</summary>
    public static IReadOnlyList<(string Ja, string En)> Programmes { get; } =
    [
        ("知的クラスター創成事業", "Knowledge Cluster Initiative"), ("都市エリア産学官連携促進事業", "City Area Programme"),
        ("地域イノベーション戦略支援プログラム", "Regional Innovation Strategy Support Programme"), ("産業クラスター計画", "Industrial Cluster Plan"),
        ("地域新生コンソーシアム研究開発事業", "Regional Consortium R&D Programme"), ("地域結集型共同研究事業", "Regional Joint Research Programme"),
        ("地域イノベーション・エコシステム形成プログラム", "Regional Innovation Ecosystem Programme"),
        ("戦略的基盤技術高度化支援事業", "Supporting Industry Programme"), ("産学官連携拠点形成事業", "Industry-Academia-Government Hub Programme"),
        ("地域科学技術振興事業", "Regional Science and Technology Promotion"), ("先端医療開発特区", "Advanced Medical Development Zones"),
        ("地域資源活用型研究開発事業", "Regional Resources R&D Programme"), ("イノベーション創出基礎的研究推進事業", "Basic Research for Innovation Programme"),
        ("戦略的情報通信研究開発推進事業", "Strategic ICT R&D Programme"), ("環境研究総合推進費", "Environment Research Fund"),
        ("地域産学官共同研究拠点整備事業", "Regional Joint Research Hubs"),
    ];

    /// <summary>Tracks (types) within a programme: the level projects are adopted in.</summary>
    public static IReadOnlyList<(string Ja, string En)> Tracks { get; } =
    [
        ("グローバル型", "global type"), ("都市エリア型", "city-area type"), ("一般型", "general type"), ("発展型", "advanced type"),
        ("連携基盤整備型", "collaboration-base type"), ("成果育成型", "results type"), ("重点支援枠", "priority support"), ("拠点形成型", "hub type"),
    ];

    public static IReadOnlyList<string> Titles { get; } =
    [
        "本部長", "事業総括", "副事業総括", "研究統括", "科学技術コーディネータ", "科学技術コーディネータ", "科学技術コーディネータ",
        "事業化コーディネータ", "アシスタントコーディネータ", "人材育成コーディネータ", "国際科学技術コーディネータ", "科学技術アドバイザー",
        "顧問", "研究代表者", "研究代表者", "共同研究者", "共同研究者", "共同研究者",
    ];

    public static IReadOnlyList<IndicatorName> Indicators { get; } =
    [
        new("patent-applications", "特許出願件数", "Patent applications", "件"),
        new("commercialisations", "事業化件数", "Commercialisations", "件"),
        new("other-programme-adoptions", "他事業への採択件数", "Adoptions by other programmes", "件"),
        new("participating-institutions", "参画機関数", "Participating institutions", "機関"),
        new("joint-researchers", "共同研究の参画者数", "Joint-research participants", "人"),
        new("foreign-researchers", "外国人研究員の参加数", "Foreign researchers", "人"),
        new("startups", "ベンチャー起業数", "Start-ups founded", "社"),
        new("papers", "論文発表数", "Papers published", "件"),
        new("sales", "売上高", "Sales", "百万円"),
        new("trainees", "人材育成数", "People trained", "人"),
    ];
}
