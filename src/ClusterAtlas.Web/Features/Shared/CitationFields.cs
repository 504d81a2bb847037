using ClusterAtlas.Sources;

namespace ClusterAtlas.Web.Features.Shared;

internal static class CitationFields
{
    /// <summary>The citations that support the given fields; "" stands for citations of the whole record (no field).</summary>
    public static List<CitationDto> For(this IEnumerable<CitationDto> citations, params string[] fields) =>
        [.. citations.Where(c => fields.Contains(c.Field ?? "", StringComparer.Ordinal))];
}
