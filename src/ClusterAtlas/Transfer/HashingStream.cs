using System.Security.Cryptography;

namespace ClusterAtlas.Transfer;

/// <summary>Reads a file and computes its SHA-256 on the way, so a dump file is checked against its manifest in the same
/// pass that reads it (and the write pass proves it wrote exactly the bytes it checked).</summary>
internal sealed class HashingStream(Stream inner) : Stream
{
    private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private string? result;

    /// <summary>The SHA-256 (lower-case hex) of everything read; read the stream to its end first.</summary>
    public string Sha256 => result ??= Convert.ToHexStringLower(hash.GetHashAndReset());

    public static HashingStream OpenFile(string path) => new(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024));

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        hash.AppendData(buffer[..n]);
        return n;
    }

    /// <summary>Reads what is left, so the hash covers the whole file even when a reader stopped early.</summary>
    public void Drain()
    {
        var buffer = new byte[64 * 1024];
        while (Read(buffer) > 0)
        {
        }
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => inner.Length;
    public override long Position { get => inner.Position; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
            hash.Dispose();
        }
        base.Dispose(disposing);
    }
}
