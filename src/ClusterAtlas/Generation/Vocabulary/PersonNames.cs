namespace ClusterAtlas.Generation.Vocabulary;

/// <summary>Common Japanese family and given names with their romanisation (Hepburn, no macrons).</summary>
public static class PersonNames
{
    public static IReadOnlyList<(string Ja, string En)> Family { get; } = Parse("""
        佐藤:Sato 鈴木:Suzuki 高橋:Takahashi 田中:Tanaka 伊藤:Ito 渡辺:Watanabe 山本:Yamamoto 中村:Nakamura 小林:Kobayashi
        加藤:Kato 吉田:Yoshida 山田:Yamada 佐々木:Sasaki 山口:Yamaguchi 松本:Matsumoto 井上:Inoue 木村:Kimura 林:Hayashi
        斎藤:Saito 清水:Shimizu 山崎:Yamazaki 森:Mori 池田:Ikeda 橋本:Hashimoto 阿部:Abe 石川:Ishikawa 山下:Yamashita
        中島:Nakajima 石井:Ishii 小川:Ogawa 前田:Maeda 岡田:Okada 長谷川:Hasegawa 藤田:Fujita 後藤:Goto 近藤:Kondo
        村上:Murakami 遠藤:Endo 青木:Aoki 坂本:Sakamoto 斉藤:Saito 福田:Fukuda 太田:Ota 西村:Nishimura 藤井:Fujii
        金子:Kaneko 岡本:Okamoto 藤原:Fujiwara 中野:Nakano 三浦:Miura 原田:Harada 中川:Nakagawa 松田:Matsuda 竹内:Takeuchi
        小野:Ono 田村:Tamura 中山:Nakayama 和田:Wada 石田:Ishida 森田:Morita 上田:Ueda 原:Hara 内田:Uchida 柴田:Shibata
        酒井:Sakai 工藤:Kudo 横山:Yokoyama 宮崎:Miyazaki 宮本:Miyamoto 大野:Ono 高木:Takagi 安藤:Ando 谷口:Taniguchi
        丸山:Maruyama 今井:Imai 高野:Takano 渡部:Watanabe 髙橋:Takahashi 齋藤:Saito 渡邊:Watanabe 五十嵐:Igarashi 星:Hoshi
        """);

    public static IReadOnlyList<(string Ja, string En)> Given { get; } = Parse("""
        一郎:Ichiro 健一:Kenichi 誠:Makoto 浩:Hiroshi 茂:Shigeru 博:Hiroshi 隆:Takashi 修:Osamu 清:Kiyoshi 豊:Yutaka
        明:Akira 剛:Tsuyoshi 大輔:Daisuke 健太:Kenta 翔太:Shota 拓也:Takuya 直樹:Naoki 和彦:Kazuhiko 正人:Masato
        弘:Hiroshi 裕:Yutaka 稔:Minoru 哲也:Tetsuya 聡:Satoshi 智:Satoshi 勉:Tsutomu 順一:Junichi 文夫:Fumio 靖之:Yasuyuki
        寛人:Hiroto 俊治:Shunji 静致:Shizuyuki 和清:Kazukiyo 伸一:Shinichi 弘一:Koichi 恵美子:Emiko 洋子:Yoko
        恵子:Keiko 京子:Kyoko 幸子:Sachiko 直子:Naoko 由美子:Yumiko 陽子:Yoko 美穂:Miho 智子:Tomoko 裕子:Yuko 真由美:Mayumi
        はるみ:Harumi さくら:Sakura 愛:Ai 彩:Aya 麻衣:Mai 香織:Kaori 久美子:Kumiko 典子:Noriko 明美:Akemi 千尋:Chihiro
        """);

    private static List<(string, string)> Parse(string text) =>
        [.. text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(w => w.Split(':')).Select(w => (w[0], w[1]))];
}
