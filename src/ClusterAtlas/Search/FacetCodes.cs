using System.Collections;

namespace ClusterAtlas.Search;

/// <summary>
/// A hit's values of one facet, as codes, listed only when read: the portal's page shows none of them, and an organisation
/// at national scale carries some three hundred programmes (listing them for a page of twenty cost 0.2 ms of a 1 ms search).
/// The set is one <see cref="FacetFacts"/> shares and never changes, so reading it later gives what it held at the search.
/// </summary>
internal sealed class FacetCodes(FacetSet set, Func<int, string> code) : IReadOnlyList<string>
{
    private List<string>? codes;

    private List<string> Codes => codes ??= [.. set.Members().Select(code)];

    public string this[int index] => Codes[index];

    public int Count => Codes.Count;

    public IEnumerator<string> GetEnumerator() => Codes.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
