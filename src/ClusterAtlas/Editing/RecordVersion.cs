using System.Security.Cryptography;
using System.Text;

namespace ClusterAtlas.Editing;

/// <summary>The version of a record is a hash of its snapshot: any change by anyone gives a new version, so an edit
/// based on an old version is detected without a version column on every table.</summary>
public static class RecordVersion
{
    public static string Of(string snapshotJson) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(snapshotJson)))[..16];
}
