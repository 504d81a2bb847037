using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ClusterAtlas.Transfer;

/// <summary>How a column's text is written where the format has types (JSON values, XLSX numbers).</summary>
public enum ColumnKind { Text, Number, Boolean }

/// <summary>
/// Writes one table file in any format, a header row then records of cell texts (null = no value), streaming:
/// CSV (every text quoted, LF), TSV (quoted only where needed), XLSX (one sheet; numbers as numbers) or JSON (an
/// array, one object per line, numbers and booleans unquoted). CSV/TSV are UTF-8 with a BOM, or Shift_JIS.
/// </summary>
public abstract class TableFileWriter : IDisposable
{
    public static TableFileWriter Create(Stream output, TableFormat format, TableEncoding encoding, IReadOnlyList<string> header,
        IReadOnlyList<ColumnKind> kinds, string sheetName) => format switch
        {
            TableFormat.Json => new Json(output, header, kinds),
            TableFormat.Xlsx => new Xlsx(output, header, kinds, sheetName),
            _ => new Delimited(output, format, encoding, header),
        };

    public abstract void Write(IReadOnlyList<string?> cells);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected abstract void Dispose(bool disposing);

    private sealed class Delimited : TableFileWriter
    {
        private readonly StreamWriter text;
        private readonly DelimitedWriter records;

        public Delimited(Stream output, TableFormat format, TableEncoding encoding, IReadOnlyList<string> header)
        {
            text = new StreamWriter(output, TableEncodings.ForWriting(encoding, byteOrderMark: true), 64 * 1024, leaveOpen: true) { NewLine = "\n" };
            records = new DelimitedWriter(text, format == TableFormat.Tsv ? '\t' : ',', quoteAll: format == TableFormat.Csv);
            records.WriteRecord(header);
        }

        public override void Write(IReadOnlyList<string?> cells) => records.WriteRecord(cells);

        protected override void Dispose(bool disposing) => text.Dispose();
    }

    private sealed class Xlsx : TableFileWriter
    {
        private readonly XlsxTableWriter sheet;
        private readonly bool[] numeric;

        public Xlsx(Stream output, IReadOnlyList<string> header, IReadOnlyList<ColumnKind> kinds, string sheetName)
        {
            sheet = new XlsxTableWriter(output, sheetName);
            numeric = [.. kinds.Select(k => k == ColumnKind.Number)];
            sheet.WriteRow(header);
        }

        public override void Write(IReadOnlyList<string?> cells) => sheet.WriteRow(cells, numeric);

        protected override void Dispose(bool disposing) => sheet.Dispose();
    }

    private sealed class Json : TableFileWriter
    {
        private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = false };
        private static readonly byte[] Open = "["u8.ToArray();
        private static readonly byte[] First = "\n"u8.ToArray();
        private static readonly byte[] Next = ",\n"u8.ToArray();
        private static readonly byte[] Close = "\n]\n"u8.ToArray();

        private readonly Stream output;
        private readonly JsonEncodedText[] names;
        private readonly IReadOnlyList<ColumnKind> kinds;
        private readonly ArrayBufferWriter<byte> buffer = new(4096);
        private readonly Utf8JsonWriter json;
        private bool any;

        public Json(Stream output, IReadOnlyList<string> header, IReadOnlyList<ColumnKind> kinds)
        {
            this.output = output;
            this.kinds = kinds;
            names = [.. header.Select(h => JsonEncodedText.Encode(h, JavaScriptEncoder.UnsafeRelaxedJsonEscaping))];
            json = new Utf8JsonWriter(buffer, Options);
            output.Write(Open);
        }

        public override void Write(IReadOnlyList<string?> cells)
        {
            buffer.ResetWrittenCount();
            json.Reset(buffer);
            json.WriteStartObject();
            for (var i = 0; i < cells.Count; i++)
            {
                var value = cells[i];
                json.WritePropertyName(names[i]);
                if (value is null)
                {
                    json.WriteNullValue();
                }
                else if (kinds[i] == ColumnKind.Boolean)
                {
                    json.WriteBooleanValue(value == "true");
                }
                else if (kinds[i] == ColumnKind.Number && IsJsonNumber(value))
                {
                    json.WriteRawValue(value, skipInputValidation: true);
                }
                else
                {
                    json.WriteStringValue(value);
                }
            }
            json.WriteEndObject();
            json.Flush();
            output.Write(any ? Next : First);
            output.Write(buffer.WrittenSpan);
            any = true;
        }

        // Invariant numbers are JSON numbers, except NaN and the infinities, which JSON has no literal for.
        private static bool IsJsonNumber(string value) => value.Length > 0 && (char.IsAsciiDigit(value[0]) || value[0] == '-') && char.IsAsciiDigit(value[^1]);

        protected override void Dispose(bool disposing)
        {
            output.Write(Close);
            json.Dispose();
        }
    }
}
