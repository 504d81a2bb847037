using System.Text;
using System.Xml;

namespace ClusterAtlas.Transfer;

/// <summary>Reading SpreadsheetML with a plain XmlReader: cell text in chunks under a length limit, rich text without
/// furigana, elements by local name (transitional and strict OOXML use different namespaces), A1 column letters.</summary>
internal static class XlsxXml
{
    /// <summary>Text of the current element (&lt;v&gt; or &lt;t&gt;); null when longer than <paramref name="max"/>.</summary>
    public static string? ReadText(XmlReader r, StringBuilder buffer, int max)
    {
        buffer.Clear();
        return r.IsEmptyElement ? "" : AppendContent(r, buffer, max) ? null : buffer.ToString();
    }

    /// <summary>&lt;is&gt; or &lt;si&gt;: the &lt;t&gt; texts, directly or in &lt;r&gt; runs, without &lt;rPh&gt; (furigana);
    /// null when longer than <paramref name="max"/>.</summary>
    public static string? ReadRichText(XmlReader r, StringBuilder buffer, int max)
    {
        buffer.Clear();
        if (r.IsEmptyElement)
        {
            return "";
        }
        var depth = r.Depth;
        var tooLong = false;
        r.Read();
        while (!r.EOF && r.Depth > depth)
        {
            if (r.NodeType == XmlNodeType.Element && r.LocalName == "rPh")
            {
                r.Skip(); // Skip leaves the reader on the node after </rPh>: look at it before reading on.
                continue;
            }
            if (r.NodeType == XmlNodeType.Element && r.LocalName == "t" && !r.IsEmptyElement)
            {
                tooLong |= AppendContent(r, buffer, max);
            }
            r.Read();
        }
        return tooLong ? null : buffer.ToString();
    }

    /// <summary>Appends the text inside the current element in chunks, keeping nothing past <paramref name="max"/>
    /// characters (a huge cell never sits in memory); true when it was longer. Ends on the element's end tag.</summary>
    private static bool AppendContent(XmlReader r, StringBuilder target, int max)
    {
        var depth = r.Depth;
        var chunk = new char[4096];
        var over = false;
        while (r.Read() && r.Depth > depth)
        {
            if (r.NodeType is not (XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace))
            {
                continue;
            }
            int n;
            while ((n = r.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
            {
                if (!over && target.Length + n > max)
                {
                    over = true;
                    target.Clear();
                }
                if (!over)
                {
                    target.Append(chunk, 0, n);
                }
            }
        }
        return over;
    }

    /// <summary>Moves to the next element with this local name, whatever its namespace prefix.</summary>
    public static bool ToFollowing(XmlReader r, string localName)
    {
        while (r.Read())
        {
            if (r.NodeType == XmlNodeType.Element && r.LocalName == localName)
            {
                return true;
            }
        }
        return false;
    }

    public static string? AttributeByLocalName(XmlReader r, string localName)
    {
        for (var ok = r.MoveToFirstAttribute(); ok; ok = r.MoveToNextAttribute())
        {
            if (r.LocalName == localName)
            {
                var value = r.Value;
                r.MoveToElement();
                return value;
            }
        }
        r.MoveToElement();
        return null;
    }

    /// <summary>"AB12" → 27; null when the reference is missing or not a cell reference.</summary>
    public static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }
        var index = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z' && letters < 4)
            {
                index = index * 26 + (c - 'A' + 1);
                letters++;
            }
            else
            {
                break;
            }
        }
        return letters == 0 ? null : index - 1;
    }

    public static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }
        return name;
    }
}
