using System.Text;

namespace ClusterAtlas.Transfer;

/// <summary>Text encodings of CSV/TSV files: UTF-8 (written with a BOM so Excel reads Japanese) or Shift_JIS (CP932),
/// which Japanese government files often use.</summary>
public enum TableEncoding { Utf8, ShiftJis }

public static class TableEncodings
{
    /// <summary>Stands in for bytes the encoding cannot decode. U+FFFF is a noncharacter, never in real text, so the
    /// readers can report the line and column of the bad bytes instead of failing somewhere in a buffer.</summary>
    public const char InvalidByteMarker = '\uFFFF';

    static TableEncodings() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Name(this TableEncoding encoding) => encoding == TableEncoding.ShiftJis ? "shift_jis" : "utf-8";

    public static TableEncoding? Parse(string? name) => name?.ToLowerInvariant().Replace('-', '_') switch
    {
        "utf_8" or "utf8" => TableEncoding.Utf8,
        "shift_jis" or "sjis" or "cp932" or "windows_31j" => TableEncoding.ShiftJis,
        _ => null,
    };

    /// <summary>For reading: bad bytes become <see cref="InvalidByteMarker"/>.</summary>
    public static Encoding ForReading(TableEncoding encoding) => encoding == TableEncoding.ShiftJis
        ? Encoding.GetEncoding(932, EncoderFallback.ExceptionFallback, new Cp932Fallback())
        : Encoding.GetEncoding(65001, EncoderFallback.ExceptionFallback, new DecoderReplacementFallback(InvalidByteMarker.ToString()));

    /// <summary>For writing: a character the encoding cannot hold throws rather than becoming '?'
    /// (<see cref="FirstUnencodable"/> lets the exporter report it first).</summary>
    public static Encoding ForWriting(TableEncoding encoding, bool byteOrderMark) => encoding == TableEncoding.ShiftJis
        ? Encoding.GetEncoding(932, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)
        : new UTF8Encoding(byteOrderMark, true);

    /// <summary>Index of the first character of <paramref name="text"/> that Shift_JIS cannot encode, or -1.</summary>
    public static int FirstUnencodable(TableEncoding encoding, string text)
    {
        if (encoding == TableEncoding.Utf8 || !text.AsSpan().ContainsAnyExceptInRange('\0', '\u007f'))
        {
            return -1;
        }
        var strict = ForWriting(encoding, false);
        try
        {
            strict.GetByteCount(text);
            return -1;
        }
        catch (EncoderFallbackException e)
        {
            return Math.Max(0, e.Index);
        }
    }

    /// <summary>
    /// Which encoding a text file is in: a UTF-8 byte order mark, or bytes that are valid UTF-8 throughout, mean UTF-8;
    /// anything else is read as Shift_JIS (CP932). Reads the whole file once (streaming), so a file whose Japanese
    /// starts late is not misjudged. UTF-16 files are recognised by their BOM and refused with a clear reason.
    /// </summary>
    public static TableEncoding Detect(Stream stream)
    {
        Span<byte> head = stackalloc byte[3];
        var read = stream.ReadAtLeast(head, 3, throwOnEndOfStream: false);
        if (read >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF)
        {
            return TableEncoding.Utf8;
        }
        if (read >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF)))
        {
            throw new TableFormatException(1, "the file is UTF-16; save it as UTF-8 or Shift_JIS");
        }
        var decoder = new UTF8Encoding(false, true).GetDecoder();
        var bytes = new byte[64 * 1024];
        var chars = new char[bytes.Length + 4];
        head[..read].CopyTo(bytes);
        var filled = read;
        try
        {
            while (true)
            {
                var n = stream.Read(bytes, filled, bytes.Length - filled);
                filled += n;
                decoder.GetChars(bytes, 0, filled, chars, 0, flush: n == 0);
                if (n == 0)
                {
                    return TableEncoding.Utf8;
                }
                filled = 0;
            }
        }
        catch (DecoderFallbackException)
        {
            return TableEncoding.ShiftJis;
        }
    }

    /// <summary>
    /// .NET decodes the NEC-selected IBM extensions of CP932 (rows ED–EE, e.g. 髙 = EEE0, as Windows and Python write
    /// it) only through its "best fit" fallback, whose answer for truly invalid bytes is 「・」, a real character. This
    /// fallback asks best fit first and keeps its answer unless it is that 「・」, which becomes the invalid-byte marker.
    /// </summary>
    private sealed class Cp932Fallback : DecoderFallback
    {
        private static readonly Encoding BestFit = Encoding.GetEncoding(932);

        public override int MaxCharCount => 2;

        public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer();

        private sealed class Buffer : DecoderFallbackBuffer
        {
            private string chars = "";
            private int next;

            public override bool Fallback(byte[] bytesUnknown, int index)
            {
                var decoded = bytesUnknown.Length == 2 ? BestFit.GetString(bytesUnknown) : "";
                chars = decoded.Length is 1 or 2 && decoded != "\u30FB" ? decoded : InvalidByteMarker.ToString();
                next = 0;
                return true;
            }

            public override char GetNextChar() => next < chars.Length ? chars[next++] : '\0';

            public override bool MovePrevious()
            {
                if (next == 0)
                {
                    return false;
                }
                next--;
                return true;
            }

            public override int Remaining => chars.Length - next;

            public override void Reset()
            {
                chars = "";
                next = 0;
            }
        }
    }
}
