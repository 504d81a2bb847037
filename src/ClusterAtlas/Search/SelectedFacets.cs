namespace ClusterAtlas.Search;

/// <summary>The user's facet selections turned into indices once, so testing a record is a few bit operations.</summary>
internal sealed class SelectedFacets
{
    private readonly SearchFilters filters;
    private readonly FacetSet? programmes;
    private readonly FacetSet? fields;
    private readonly FacetSet? prefectures;
    private readonly FacetSet? ministries;

    public SelectedFacets(FacetFacts facts, SearchFilters filters)
    {
        this.filters = filters;
        programmes = Select(filters.Programmes, facts.ProgrammesByIndex.Select(p => p.Code).ToList());
        fields = Select(filters.Fields, facts.Fields);
        prefectures = Select(filters.Prefectures, facts.Prefectures);
        ministries = Select(filters.Ministries, facts.Ministries.Select(m => m.Code).ToList());
    }

    /// <summary>Null when nothing is selected (no filter); else the indices of the selected values that exist.</summary>
    private static FacetSet? Select(IReadOnlyCollection<string> chosen, IReadOnlyList<string> vocabulary)
    {
        if (chosen.Count == 0)
        {
            return null;
        }
        var set = new FacetSet();
        for (var i = 0; i < vocabulary.Count; i++)
        {
            if (chosen.Contains(vocabulary[i]))
            {
                set.Add(i);
            }
        }
        return set;
    }

    /// <summary>Whether the record passes every selection but the one of <paramref name="except"/> (a facet's own counts ignore it).</summary>
    public bool Passes(FacetProfile p, string except) =>
        (except == "type" || filters.Types.Count == 0 || filters.Types.Contains(p.Type))
        && (except == "programme" || programmes is null || p.Programmes.Overlaps(programmes))
        && (except == "year" || InYears(p))
        && (except == "field" || fields is null || p.Fields.Overlaps(fields))
        && (except == "prefecture" || prefectures is null || p.Prefectures.Overlaps(prefectures))
        && (except == "ministry" || ministries is null || p.Ministries.Overlaps(ministries));

    private bool InYears(FacetProfile p) => (filters.FiscalYearFrom is null && filters.FiscalYearTo is null)
        || (p.From is not null && (filters.FiscalYearTo is null || p.From <= filters.FiscalYearTo) && (filters.FiscalYearFrom is null || p.To >= filters.FiscalYearFrom));
}
