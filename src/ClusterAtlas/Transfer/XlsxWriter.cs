using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace ClusterAtlas.Transfer;

/// <summary>
/// Writes a one-sheet .xlsx (Office Open XML) with no third-party package: text as inline strings, numbers as numbers.
/// Inline strings are never evaluated, so a cell starting with = cannot become a formula.
/// </summary>
public static class XlsxWriter
{
    public static byte[] Write(string sheetName, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Part(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
            Part(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Part(zip, "xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
            Part(zip, "xl/workbook.xml", $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="{Escape(SheetName(sheetName))}" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            var sheet = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
            Row(sheet, header.Cast<object?>().ToList());
            foreach (var row in rows)
            {
                Row(sheet, row);
            }
            sheet.Append("</sheetData></worksheet>");
            Part(zip, "xl/worksheets/sheet1.xml", sheet.ToString());
        }
        return buffer.ToArray();
    }

    private static void Row(StringBuilder sheet, IReadOnlyList<object?> cells)
    {
        sheet.Append("<row>");
        foreach (var cell in cells)
        {
            switch (cell)
            {
                case null:
                    sheet.Append("<c/>");
                    break;
                case int or long or decimal or double:
                    sheet.Append("<c><v>").Append(Convert.ToString(cell, CultureInfo.InvariantCulture)).Append("</v></c>");
                    break;
                default:
                    sheet.Append("<c t=\"inlineStr\"><is><t xml:space=\"preserve\">")
                        .Append(Escape(Convert.ToString(cell, CultureInfo.InvariantCulture) ?? "")).Append("</t></is></c>");
                    break;
            }
        }
        sheet.Append("</row>");
    }

    private static void Part(ZipArchive zip, string name, string xml)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
        using var stream = entry.Open();
        var bytes = new UTF8Encoding(false).GetBytes(xml);
        stream.Write(bytes);
    }

    /// <summary>XML-escapes text and drops characters XML 1.0 cannot carry (control characters from broken input).</summary>
    private static string Escape(string text)
    {
        var clean = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            if (XmlConvert.IsXmlChar(ch) || char.IsSurrogate(ch))
            {
                clean.Append(ch);
            }
        }
        return System.Security.SecurityElement.Escape(clean.ToString());
    }

    /// <summary>Excel sheet names: at most 31 characters, none of : \ / ? * [ ].</summary>
    private static string SheetName(string name)
    {
        var cleaned = new string(name.Where(c => ":\\/?*[]".IndexOf(c, StringComparison.Ordinal) < 0).ToArray());
        return cleaned.Length == 0 ? "Sheet1" : cleaned[..Math.Min(31, cleaned.Length)];
    }
}
