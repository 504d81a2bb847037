using System.Runtime.InteropServices;
using System.Text;

namespace ClusterAtlas.Fuzz;

/// <summary>Turns the fuzzer's bytes into the strings the parsers receive.</summary>
public static class FuzzInput
{
    /// <summary>
    /// UTF-8 (bad bytes become U+FFFD, as ASP.NET Core and the CLI decode them) — unless the input starts with
    /// FF FE, which never occurs in UTF-8: then the rest is raw UTF-16LE kept as is, so lone surrogates reach
    /// the parsers too (a .NET string may hold them, whatever the web host does).
    /// </summary>
    public static string Text(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Length >= 2 && data[0] == 0xFF && data[1] == 0xFE)
        {
            var body = data.AsSpan(2, (data.Length - 2) & ~1);
            return new string(MemoryMarshal.Cast<byte, char>(body));
        }

        return Encoding.UTF8.GetString(data);
    }

    public static void Check(bool condition, string message)
    {
        if (!condition)
        {
            throw new FuzzInvariantException(message);
        }
    }
}
