using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace ClusterAtlas.Transfer;

/// <summary>
/// The zip inside an .xlsx, opened defensively: the file must be a zip, hold a bounded number of entries, and every part
/// read must stay within the byte budget and a plausible compression ratio (a zip bomb is refused before it expands).
/// XML parts are read with DTDs prohibited and no resolver (no entity expansion, no external fetches).
/// </summary>
internal sealed class XlsxPackage : IDisposable
{
    private readonly ZipArchive zip;
    private readonly TableLimits limits;
    private long budget;

    private XlsxPackage(ZipArchive zip, TableLimits limits)
    {
        this.zip = zip;
        this.limits = limits;
        budget = limits.MaxUncompressedBytes;
    }

    public static XlsxPackage Open(Stream stream, TableLimits limits)
    {
        Span<byte> magic = stackalloc byte[4];
        if (stream.ReadAtLeast(magic, 4, throwOnEndOfStream: false) < 4 || magic[0] != 'P' || magic[1] != 'K' || magic[2] != 3 || magic[3] != 4)
        {
            throw new TableFormatException(0, "not an XLSX file (an .xlsx is a zip archive; this file is not one)");
        }
        stream.Position = 0;
        ZipArchive zip;
        int entries;
        try
        {
            zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException e)
        {
            throw new TableFormatException(0, $"not a readable XLSX file (damaged zip: {e.Message})");
        }
        try
        {
            // The central directory is read on first use: a damaged one fails here (found by fuzzing).
            entries = zip.Entries.Count;
        }
        catch (InvalidDataException e)
        {
            zip.Dispose();
            throw new TableFormatException(0, $"not a readable XLSX file (damaged zip: {e.Message})");
        }
        if (entries > limits.MaxZipEntries)
        {
            zip.Dispose();
            throw new TableFormatException(0, string.Create(CultureInfo.InvariantCulture, $"the XLSX zip holds {entries} entries; at most {limits.MaxZipEntries} are accepted"));
        }
        return new XlsxPackage(zip, limits);
    }

    public bool Has(string name) => Find(name) is not null;

    /// <summary>An XML part for reading, or null when the package has no such part.</summary>
    public XmlReader? OpenXml(string name)
    {
        var entry = Find(name);
        if (entry is null)
        {
            return null;
        }
        if (entry.Length > budget)
        {
            throw new TableFormatException(0, string.Create(CultureInfo.InvariantCulture,
                $"{name} expands to {entry.Length:N0} bytes, more than the {limits.MaxUncompressedBytes:N0} bytes accepted (zip bomb?)"));
        }
        if (entry.Length > (1 << 20) && entry.Length > Math.Max(1, entry.CompressedLength) * limits.MaxCompressionRatio)
        {
            throw new TableFormatException(0, string.Create(CultureInfo.InvariantCulture,
                $"{name} expands {entry.Length / Math.Max(1, entry.CompressedLength):N0} times ({entry.CompressedLength:N0} → {entry.Length:N0} bytes); more than {limits.MaxCompressionRatio} times is refused (zip bomb?)"));
        }
        Stream stream;
        try
        {
            stream = entry.Open();
        }
        catch (InvalidDataException e)
        {
            throw new TableFormatException(0, $"{name}: damaged zip entry ({e.Message})");
        }
        // The sizes in the zip's directory can lie: count what really comes out, against the declared size and the budget.
        var counted = new CountingStream(stream, Math.Min(budget, entry.Length), name);
        budget -= entry.Length;
        return XmlReader.Create(counted, new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 1024,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = false,
            CloseInput = true,
        });
    }

    // Part names in the zip are case-insensitive for Office; some writers use a leading slash.
    private ZipArchiveEntry? Find(string name) =>
        zip.GetEntry(name) ?? zip.Entries.FirstOrDefault(e => string.Equals(e.FullName.TrimStart('/'), name, StringComparison.OrdinalIgnoreCase));

    public void Dispose() => zip.Dispose();

    /// <summary>Passes bytes through and fails once more than <c>max</c> bytes come out.</summary>
    private sealed class CountingStream(Stream inner, long max, string name) : Stream
    {
        private long total;

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

        private int Count(int n)
        {
            total += n;
            if (total > max)
            {
                throw new TableFormatException(0, string.Create(CultureInfo.InvariantCulture, $"{name} expands beyond its declared size or the {max:N0}-byte budget (zip bomb?)"));
            }
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => total; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
