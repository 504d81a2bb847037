using System.Globalization;

namespace ClusterAtlas.Generation.Vocabulary;

public sealed record City(string Ja, string En);

public sealed record Prefecture(string Ja, string En, string Block, double Latitude, double Longitude, IReadOnlyList<City> Cities);

/// <summary>The 47 prefectures with their block, the prefectural capital's position and a few cities each (real names).</summary>
public static class Places
{
    // prefecture | romaji | block | latitude | longitude | city:romaji, …
    private const string Table = """
        北海道|Hokkaido|北海道|43.06|141.35|札幌:Sapporo,函館:Hakodate,旭川:Asahikawa,帯広:Obihiro,釧路:Kushiro,室蘭:Muroran
        青森県|Aomori|東北|40.82|140.74|青森:Aomori,弘前:Hirosaki,八戸:Hachinohe
        岩手県|Iwate|東北|39.70|141.15|盛岡:Morioka,北上:Kitakami,一関:Ichinoseki
        宮城県|Miyagi|東北|38.27|140.87|仙台:Sendai,石巻:Ishinomaki,大崎:Osaki
        秋田県|Akita|東北|39.72|140.10|秋田:Akita,横手:Yokote,大館:Odate
        山形県|Yamagata|東北|38.24|140.36|山形:Yamagata,米沢:Yonezawa,鶴岡:Tsuruoka
        福島県|Fukushima|東北|37.75|140.47|福島:Fukushima,郡山:Koriyama,会津若松:Aizuwakamatsu,いわき:Iwaki
        茨城県|Ibaraki|関東|36.34|140.45|水戸:Mito,つくば:Tsukuba,日立:Hitachi
        栃木県|Tochigi|関東|36.57|139.88|宇都宮:Utsunomiya,小山:Oyama,足利:Ashikaga
        群馬県|Gunma|関東|36.39|139.06|前橋:Maebashi,高崎:Takasaki,桐生:Kiryu
        埼玉県|Saitama|関東|35.86|139.65|さいたま:Saitama,川越:Kawagoe,熊谷:Kumagaya
        千葉県|Chiba|関東|35.61|140.12|千葉:Chiba,柏:Kashiwa,木更津:Kisarazu
        東京都|Tokyo|関東|35.69|139.69|八王子:Hachioji,多摩:Tama,府中:Fuchu,大田:Ota
        神奈川県|Kanagawa|関東|35.45|139.64|横浜:Yokohama,川崎:Kawasaki,相模原:Sagamihara,藤沢:Fujisawa
        新潟県|Niigata|中部|37.90|139.02|新潟:Niigata,長岡:Nagaoka,上越:Joetsu
        富山県|Toyama|中部|36.70|137.21|富山:Toyama,高岡:Takaoka
        石川県|Ishikawa|中部|36.59|136.63|金沢:Kanazawa,小松:Komatsu,白山:Hakusan
        福井県|Fukui|中部|36.07|136.22|福井:Fukui,敦賀:Tsuruga,鯖江:Sabae
        山梨県|Yamanashi|中部|35.66|138.57|甲府:Kofu,富士吉田:Fujiyoshida
        長野県|Nagano|中部|36.65|138.18|長野:Nagano,松本:Matsumoto,上田:Ueda,諏訪:Suwa
        岐阜県|Gifu|中部|35.39|136.72|岐阜:Gifu,大垣:Ogaki,各務原:Kakamigahara
        静岡県|Shizuoka|中部|34.98|138.38|静岡:Shizuoka,浜松:Hamamatsu,沼津:Numazu,富士:Fuji
        愛知県|Aichi|中部|35.18|136.91|名古屋:Nagoya,豊田:Toyota,豊橋:Toyohashi,岡崎:Okazaki
        三重県|Mie|近畿|34.73|136.51|津:Tsu,四日市:Yokkaichi,鈴鹿:Suzuka
        滋賀県|Shiga|近畿|35.00|135.87|大津:Otsu,草津:Kusatsu,彦根:Hikone
        京都府|Kyoto|近畿|35.02|135.76|京都:Kyoto,福知山:Fukuchiyama,京田辺:Kyotanabe
        大阪府|Osaka|近畿|34.69|135.52|大阪:Osaka,堺:Sakai,吹田:Suita,東大阪:Higashiosaka
        兵庫県|Hyogo|近畿|34.69|135.18|神戸:Kobe,姫路:Himeji,尼崎:Amagasaki
        奈良県|Nara|近畿|34.69|135.83|奈良:Nara,橿原:Kashihara
        和歌山県|Wakayama|近畿|34.23|135.17|和歌山:Wakayama,田辺:Tanabe
        鳥取県|Tottori|中国|35.50|134.24|鳥取:Tottori,米子:Yonago,境港:Sakaiminato
        島根県|Shimane|中国|35.47|133.05|松江:Matsue,出雲:Izumo
        岡山県|Okayama|中国|34.66|133.93|岡山:Okayama,倉敷:Kurashiki,津山:Tsuyama
        広島県|Hiroshima|中国|34.40|132.46|広島:Hiroshima,福山:Fukuyama,東広島:Higashihiroshima,呉:Kure
        山口県|Yamaguchi|中国|34.19|131.47|山口:Yamaguchi,宇部:Ube,周南:Shunan
        徳島県|Tokushima|四国|34.07|134.56|徳島:Tokushima,阿南:Anan
        香川県|Kagawa|四国|34.34|134.04|高松:Takamatsu,丸亀:Marugame
        愛媛県|Ehime|四国|33.84|132.77|松山:Matsuyama,新居浜:Niihama,今治:Imabari
        高知県|Kochi|四国|33.56|133.53|高知:Kochi,南国:Nankoku
        福岡県|Fukuoka|九州・沖縄|33.61|130.42|福岡:Fukuoka,北九州:Kitakyushu,久留米:Kurume,飯塚:Iizuka
        佐賀県|Saga|九州・沖縄|33.25|130.30|佐賀:Saga,鳥栖:Tosu
        長崎県|Nagasaki|九州・沖縄|32.74|129.87|長崎:Nagasaki,佐世保:Sasebo
        熊本県|Kumamoto|九州・沖縄|32.79|130.74|熊本:Kumamoto,八代:Yatsushiro,菊池:Kikuchi
        大分県|Oita|九州・沖縄|33.24|131.61|大分:Oita,別府:Beppu,中津:Nakatsu
        宮崎県|Miyazaki|九州・沖縄|31.91|131.42|宮崎:Miyazaki,延岡:Nobeoka,都城:Miyakonojo
        鹿児島県|Kagoshima|九州・沖縄|31.56|130.56|鹿児島:Kagoshima,霧島:Kirishima,薩摩川内:Satsumasendai
        沖縄県|Okinawa|九州・沖縄|26.21|127.68|那覇:Naha,うるま:Uruma,名護:Nago
        """;

    public static IReadOnlyList<Prefecture> All { get; } = Parse();

    private static List<Prefecture> Parse() =>
        [.. Table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(line =>
        {
            var f = line.Split('|');
            var cities = f[5].Split(',').Select(c => c.Split(':')).Select(c => new City(c[0], c[1])).ToList();
            return new Prefecture(f[0], f[1], f[2], double.Parse(f[3], CultureInfo.InvariantCulture), double.Parse(f[4], CultureInfo.InvariantCulture), cities);
        })];
}
