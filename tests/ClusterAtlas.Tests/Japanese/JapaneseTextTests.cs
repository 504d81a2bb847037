using System.Globalization;
using ClusterAtlas.Japanese;
using Xunit;

namespace ClusterAtlas.Tests.Japanese;

public class JapaneseTextTests
{
    [Theory]
    [InlineData("ＬＳＩ開発", "lsi開発")]
    [InlineData("LSI開発", "lsi開発")]
    [InlineData("ｶﾞﾝ研究ｾﾝﾀｰ", "ガン研究センター")]
    [InlineData("ﾊﾞｲｵ", "バイオ")]
    [InlineData("平成１８年度", "平成18年度")]
    [InlineData("５，１３９", "5,139")]
    [InlineData("①", "1")]
    [InlineData("㈱ＡＢＣ", "(株)abc")]
    [InlineData("（独）科学技術振興機構", "(独)科学技術振興機構")]
    [InlineData("ＪＳＴイノベーションプラザ", "jstイノベーションプラザ")]
    public void Normalize_WidthAndCompatibilityForms_FoldToCanonical(string input, string expected)
    {
        Assert.Equal(expected, JapaneseText.Normalize(input));
    }

    [Theory]
    [InlineData("渡邊", "渡辺")]
    [InlineData("渡邉", "渡辺")]
    [InlineData("髙橋", "高橋")]
    [InlineData("齋藤", "斎藤")]
    [InlineData("齊藤", "斎藤")]
    [InlineData("山﨑", "山崎")]
    [InlineData("山嵜", "山崎")]
    [InlineData("濵田", "浜田")]
    [InlineData("濱松", "浜松")]
    [InlineData("澤田", "沢田")]
    [InlineData("四國", "四国")]
    [InlineData("櫻井", "桜井")]
    [InlineData("廣島", "広島")]
    [InlineData("德島", "徳島")]
    [InlineData("眞鍋", "真鍋")]
    [InlineData("黑田", "黒田")]
    [InlineData("髙橋・渡邊・齋藤", "高橋・渡辺・斎藤")]
    public void Normalize_KanjiVariants_FoldToCommonForm(string input, string expected)
    {
        Assert.Equal(expected, JapaneseText.Normalize(input));
    }

    [Theory]
    [InlineData("H19年〜H23年", "h19年~h23年")]
    [InlineData("H19～H23", "h19~h23")]
    [InlineData("a‐b", "a-b")]
    [InlineData("a‑b", "a-b")]
    [InlineData("a–b", "a-b")]
    [InlineData("a—b", "a-b")]
    [InlineData("a―b", "a-b")]
    [InlineData("a−b", "a-b")]
    [InlineData("a－b", "a-b")]
    [InlineData("a-b", "a-b")]
    public void Normalize_WaveDashesAndDashes_FoldToAscii(string input, string expected)
    {
        Assert.Equal(expected, JapaneseText.Normalize(input));
    }

    [Theory]
    [InlineData("クラスター", "クラスター")]
    [InlineData("ｸﾗｽﾀｰ", "クラスター")]
    [InlineData("メールマガジン", "メールマガジン")]
    public void Normalize_ProlongedSoundMark_IsNotTreatedAsDash(string input, string expected)
    {
        Assert.Equal(expected, JapaneseText.Normalize(input));
    }

    [Theory]
    [InlineData("  創薬\u3000\u3000研究\t\n lsi  ", "創薬 研究 lsi")]
    [InlineData("\u3000札幌\u3000", "札幌")]
    [InlineData("a \r\n b", "a b")]
    [InlineData("   ", "")]
    public void Normalize_Whitespace_CollapsesAndTrims(string input, string expected)
    {
        Assert.Equal(expected, JapaneseText.Normalize(input));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Normalize_NullOrEmpty_ReturnsEmpty(string? input)
    {
        Assert.Equal(string.Empty, JapaneseText.Normalize(input));
    }

    [Fact]
    public void Normalize_LoneSurrogate_IsReplacedInsteadOfThrowing()
    {
        Assert.Equal("a\uFFFDb", JapaneseText.Normalize("a\uD800b"));
    }

    [Theory]
    [InlineData("ＬＳＩ開発 髙橋　研究室")]
    [InlineData("ｶﾞﾝ研究ｾﾝﾀｰ〜平成１８年度")]
    [InlineData("㈱①②③ ＫＥＬＶＩＮ \u212A \u212B Ω")]
    [InlineData("Straße İstanbul ǅ ﬁ ﬀ")]
    [InlineData("渡邊－齋藤―山﨑—濵田")]
    [InlineData("𠮷野家 𩸽")]
    [InlineData("か\u3099き\u309A ㌔ ㍻")]
    public void Normalize_AppliedTwice_EqualsAppliedOnce(string input)
    {
        var once = JapaneseText.Normalize(input);
        Assert.Equal(once, JapaneseText.Normalize(once));
    }

    [Fact]
    public void Normalize_RandomMixedText_IsIdempotent()
    {
        // Blocks where NFKC, case mapping and our folding interact: Latin, Greek, letterlike symbols,
        // kana of both widths, CJK compatibility ideographs, squared words, full-width forms and dashes.
        (int From, int To)[] blocks =
        [
            (0x20, 0x7E), (0xA0, 0x24F), (0x370, 0x3FF), (0x2010, 0x2015), (0x2100, 0x214F), (0x2460, 0x24FF),
            (0x3000, 0x30FF), (0x3200, 0x33FF), (0x4E00, 0x4E80), (0xF900, 0xFAFF), (0xFF01, 0xFFEE),
        ];
        var random = new Random(20071001);
        for (var i = 0; i < 3000; i++)
        {
            var chars = Enumerable.Range(0, random.Next(1, 12)).Select(_ =>
            {
                var (from, to) = blocks[random.Next(blocks.Length)];
                return (char)random.Next(from, to + 1);
            });
            var input = new string([.. chars]);
            var once = JapaneseText.Normalize(input);
            Assert.True(once == JapaneseText.Normalize(once), $"Not idempotent for U+{string.Join(" U+", input.Select(c => ((int)c).ToString("X4", CultureInfo.InvariantCulture)))}");
        }
    }

    [Theory]
    [InlineData("創薬研究 lsi", new[] { "創薬", "薬研", "研究", "ls", "si" })]
    [InlineData("創薬", new[] { "創薬" })]
    [InlineData("薬", new[] { "薬" })]
    [InlineData("創薬 a 研究", new[] { "創薬", "a", "研究" })]
    [InlineData("産学官・連携", new[] { "産学", "学官", "連携" })]
    [InlineData("h19~h23", new[] { "h1", "19", "h2", "23" })]
    [InlineData("(株)テスト", new[] { "株", "テス", "スト" })]
    [InlineData("「知的クラスター」", new[] { "知的", "的ク", "クラ", "ラス", "スタ", "ター" })]
    [InlineData("lsi開発", new[] { "ls", "si", "i開", "開発" })]
    public void Bigrams_Runs_EmitOverlappingPairs(string normalized, string[] expected)
    {
        Assert.Equal(expected, JapaneseText.Bigrams(normalized));
    }

    [Theory]
    [InlineData("𠮷野家", new[] { "𠮷野", "野家" })]
    [InlineData("𩸽", new[] { "𩸽" })]
    [InlineData("𩸽𠮷", new[] { "𩸽𠮷" })]
    [InlineData("か\u3099き", new[] { "か\u3099き" })]
    public void Bigrams_SurrogatePairsAndCombiningMarks_StayWhole(string normalized, string[] expected)
    {
        Assert.Equal(expected, JapaneseText.Bigrams(normalized));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("・・、。")]
    [InlineData("~ - ~")]
    public void Bigrams_NoWordCharacters_ReturnsEmpty(string normalized)
    {
        Assert.Empty(JapaneseText.Bigrams(normalized));
    }

    [Theory]
    [InlineData("創薬研究クラスター", "創薬 薬研 研究 究ク クラ ラス スタ ター")]
    [InlineData("ＬＳＩ開発", "ls si i開 開発")]
    [InlineData("平成１８年度", "平成 成1 18 8年 年度")]
    [InlineData("髙橋　研究室", "高橋 研究 究室")]
    [InlineData("ｶﾞﾝ", "ガン")]
    [InlineData(null, "")]
    [InlineData("", "")]
    public void BigramDocument_Text_IsNormalisedBigramsJoinedBySpaces(string? text, string expected)
    {
        Assert.Equal(expected, JapaneseText.BigramDocument(text));
    }

    [Theory]
    [InlineData("ＬＳＩ設計関連事業", "lsi")]
    [InlineData("ＬＳＩ設計関連事業", "LSI設計")]
    [InlineData("髙橋研究室", "高橋")]
    [InlineData("浜松地域（ｵﾌﾟﾃｨｸｽ）", "オプティクス")]
    public void BigramDocument_QueryBigrams_AreFoundInDocument(string document, string query)
    {
        var stored = JapaneseText.BigramDocument(document).Split(' ');
        Assert.All(JapaneseText.Bigrams(JapaneseText.Normalize(query)), bigram => Assert.Contains(bigram, stored));
    }

    // Found by fuzzing (fuzz/RESULTS.md): string.Normalize throws on these, and U+FFFE arrives as valid UTF-8.
    // Lone surrogates are built in the method body: an attribute argument is stored as UTF-8 and cannot hold one.
    [Fact]
    public void Normalize_TextThatStringNormalizeRejects_BecomesReplacementCharacter()
    {
        var cases = new (string Input, string Expected)[]
        {
            ("\uFFFE", "\uFFFD"),
            ("ＬＳＩ\uFFFE開発", "lsi\uFFFD開発"),
            ("a" + (char)0xD800 + "b", "a\uFFFDb"),
            ((char)0xDC00 + "ＬＳＩ", "\uFFFDlsi"),
        };
        foreach (var (input, expected) in cases)
        {
            Assert.Equal(expected, JapaneseText.Normalize(input));
            Assert.Equal(expected, JapaneseText.Normalize(expected));
        }
    }

    [Fact]
    public void Bigrams_PrependedMarkBeforeASpace_NeverHoldWhitespace()
    {
        // U+0600 followed by a space is one text element (UAX #29 GB9b); it became the bigram "؀ に" (found by fuzzing).
        var bigrams = JapaneseText.Bigrams(JapaneseText.Normalize("研究\u0600 に創薬"));
        Assert.DoesNotContain(bigrams, b => b.Any(char.IsWhiteSpace));
        Assert.Contains("研究", bigrams);
        Assert.Contains("創薬", bigrams);
    }

    /// <summary>
    /// The ICU-free path must give exactly what every step gives: every character of its ranges (alone, after a kana,
    /// after a space), their neighbours just outside the ranges, and random mixes of both.
    /// </summary>
    [Fact]
    public void Normalize_SimplePath_MatchesEveryStep()
    {
        var chars = new List<char>();
        void Range(int from, int to) { for (var c = from; c <= to; c++) { chars.Add((char)c); } }
        Range(0x20, 0x7F);
        Range(0x3000, 0x3100);
        Range(0x4DF0, 0x4E10);
        Range(0x9FF0, 0xA010);
        Range(0xFF00, 0xFFA0);
        for (var c = 0x4E00; c <= 0x9FFF; c += 7) { chars.Add((char)c); }
        chars.AddRange("髙邊邉斎齋﨑〜－‐\u3000\t\n");
        var samples = chars.SelectMany(c => new[] { c.ToString(), "か" + c, c + "か", " " + c + " ", "Ａ" + c + "ｂ" }).ToList();
        var random = new Random(20261206);
        for (var i = 0; i < 20_000; i++)
        {
            samples.Add(new string([.. Enumerable.Range(0, random.Next(1, 12)).Select(_ => chars[random.Next(chars.Count)])]));
        }
        var simple = 0;
        foreach (var text in samples)
        {
            if (JapaneseText.TryNormalizeSimple(text) is { } fast)
            {
                simple++;
                Assert.True(JapaneseText.NormalizeFully(text) == fast, $"'{text}' ({string.Join(' ', text.Select(c => ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture)))}): '{fast}' vs '{JapaneseText.NormalizeFully(text)}'");
            }
        }
        Assert.True(simple > samples.Count / 4, $"only {simple} of {samples.Count} samples took the simple path");
        Assert.Null(JapaneseText.TryNormalizeSimple("髙橋"));
        Assert.Equal("lsi設計(第2) ~-", JapaneseText.TryNormalizeSimple(" ＬＳＩ設計（第２）  ～－ "));
    }

    /// <summary>
    /// The char-by-char bigrams must be exactly the text-element ones: every character of the simple ranges and their
    /// neighbours outside them (combining marks U+3099/U+309A, halfwidth voiced marks, CR LF, surrogates), alone, between
    /// kana, after a space, and random mixes of both.
    /// </summary>
    [Fact]
    public void Bigrams_SimplePath_MatchesTextElements()
    {
        var chars = new List<string>();
        void Range(int from, int to) { for (var c = from; c <= to; c++) { chars.Add(((char)c).ToString()); } }
        Range(0x00, 0x80);
        Range(0x2FF0, 0x3110);
        Range(0x4DF0, 0x4E10);
        Range(0x9FF0, 0xA010);
        Range(0xFF00, 0xFFA0);
        for (var c = 0x4E00; c <= 0x9FFF; c += 7) { chars.Add(((char)c).ToString()); }
        chars.AddRange(["\r\n", "\U0001F600", "\U00020B9F", "か\u3099", "\u200D", "\u0600", "\u1100\u1161"]);
        var samples = chars.SelectMany(c => new[] { c, "か" + c, c + "か", " " + c + " ", "ab" + c + "き" }).ToList();
        samples.AddRange(["創薬創薬 創薬", "aaaa a a", "創 創 薬創", ""]);
        var random = new Random(20261206);
        for (var i = 0; i < 20_000; i++)
        {
            samples.Add(string.Concat(Enumerable.Range(0, random.Next(1, 12)).Select(_ => chars[random.Next(chars.Count)])));
        }
        var simple = 0;
        foreach (var text in samples)
        {
            if (JapaneseText.TryBigramsSimple(text) is { } fast)
            {
                simple++;
                Assert.True(JapaneseText.BigramsByTextElement(text).SequenceEqual(fast), $"'{text}': [{string.Join('|', fast)}] vs [{string.Join('|', JapaneseText.BigramsByTextElement(text))}]");
            }
            Assert.Equal(string.Join(' ', JapaneseText.BigramsByTextElement(text).Distinct(StringComparer.Ordinal)), JapaneseText.DistinctBigramDocument(text));
        }
        Assert.True(simple > samples.Count / 4, $"only {simple} of {samples.Count} samples took the simple path");
    }
}
