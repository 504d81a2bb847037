namespace ClusterAtlas.Generation.Vocabulary;

/// <summary>Parts of organisation names: company brands and business words, university faculties, foreign partners.</summary>
public static class OrganisationWords
{
    public static IReadOnlyList<(string Ja, string En)> Brands { get; } =
    [
        ("アステック", "Astec"), ("ミライ", "Mirai"), ("サンライズ", "Sunrise"), ("フジ", "Fuji"), ("トーワ", "Towa"), ("ダイヤ", "Daiya"),
        ("ヤマト", "Yamato"), ("オリエント", "Orient"), ("セントラル", "Central"), ("ニッシン", "Nisshin"), ("コスモ", "Cosmo"),
        ("アクア", "Aqua"), ("テクノス", "Technos"), ("ユニオン", "Union"), ("シンワ", "Shinwa"), ("みどり", "Midori"), ("ひかり", "Hikari"),
    ];

    public static IReadOnlyList<(string Ja, string En)> Businesses { get; } =
    [
        ("バイオ", "Bio"), ("メディカル", "Medical"), ("ナノテック", "Nanotech"), ("エレクトロニクス", "Electronics"), ("精工", "Seiko"),
        ("化学", "Chemical"), ("製薬", "Pharmaceutical"), ("電子", "Electronic"), ("光学", "Optical"), ("工業", "Industries"),
        ("システムズ", "Systems"), ("ファーマ", "Pharma"), ("マテリアル", "Materials"), ("セミコンダクター", "Semiconductor"),
        ("半導体", "Semiconductor"), ("医療機器", "Medical Devices"), ("フォトニクス", "Photonics"), ("エナジー", "Energy"),
        ("食品", "Foods"), ("創薬", "Drug Discovery"), ("ロボティクス", "Robotics"), ("精密", "Precision"), ("ソフトウェア", "Software"),
    ];

    public static IReadOnlyList<(string Ja, string En)> Faculties { get; } =
    [
        ("大学院工学研究科", "Graduate School of Engineering"), ("医学部", "School of Medicine"), ("薬学部", "Faculty of Pharmaceutical Sciences"),
        ("理工学部", "Faculty of Science and Engineering"), ("農学部", "Faculty of Agriculture"), ("産学連携本部", "Industry Liaison Office"),
        ("先端科学技術研究センター", "Advanced Science and Technology Centre"), ("ナノテクノロジー研究センター", "Nanotechnology Research Centre"),
    ];

    /// <summary>Foreign partners of international links (the kinds of institutions the real links name).</summary>
    public static IReadOnlyList<(string Name, string Country, string Kind)> ForeignPartners { get; } =
    [
        ("Fraunhofer Institute", "DE", "research-institute"), ("Medicon Valley Alliance", "DK", "cluster"), ("BioValley", "FR", "cluster"),
        ("Food Valley", "NL", "cluster"), ("University of Cambridge", "GB", "university"), ("Technopolis Oulu", "FI", "cluster"),
        ("University of Bologna", "IT", "university"), ("Biopolis", "SG", "cluster"), ("KAIST", "KR", "university"),
        ("Industrial Technology Research Institute", "TW", "research-institute"), ("Universiti Sains Malaysia", "MY", "university"),
        ("Institut Teknologi Bandung", "ID", "university"), ("MIT Industrial Liaison Program", "US", "university"),
        ("BioAlberta", "CA", "cluster"), ("Swiss Federal Institute of Technology", "CH", "university"), ("Karolinska Institutet", "SE", "university"),
        ("Shanghai Zhangjiang Hi-Tech Park", "CN", "cluster"), ("Bangalore Bioinnovation Centre", "IN", "cluster"),
    ];

    public static IReadOnlyList<string> Venues { get; } =
        ["東京ビッグサイト", "パシフィコ横浜", "幕張メッセ", "インテックス大阪", "ポートメッセなごや", "マリンメッセ福岡", "仙台国際センター", "札幌コンベンションセンター"];

    public static IReadOnlyList<(string Ja, string Kind)> EventNames { get; } =
    [
        ("クラスターフォーラム", "event"), ("成果発表会", "event"), ("テクノフェア", "fair"), ("シンポジウム", "conference"),
        ("クラスターセミナー", "seminar"), ("ワークショップ", "workshop"), ("推進協議会", "council"), ("メールマガジン", "newsletter"),
    ];
}
