namespace ClusterAtlas.Search;

/// <summary>The portal's facets, as flags so a record can say which selections it fails.</summary>
[Flags]
internal enum Facet
{
    None = 0,
    Type = 1,
    Programme = 2,
    Year = 4,
    Field = 8,
    Prefecture = 16,
    Ministry = 32,
}

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

    /// <summary>The facets whose selection the record fails (none when it passes them all).</summary>
    public Facet Failing(FacetProfile p) =>
        (filters.Types.Count == 0 || filters.Types.Contains(p.Type) ? Facet.None : Facet.Type)
        | (programmes is null || p.Programmes.Overlaps(programmes) ? Facet.None : Facet.Programme)
        | (InYears(p) ? Facet.None : Facet.Year)
        | (fields is null || p.Fields.Overlaps(fields) ? Facet.None : Facet.Field)
        | (prefectures is null || p.Prefectures.Overlaps(prefectures) ? Facet.None : Facet.Prefecture)
        | (ministries is null || p.Ministries.Overlaps(ministries) ? Facet.None : Facet.Ministry);

    private bool InYears(FacetProfile p) => (filters.FiscalYearFrom is null && filters.FiscalYearTo is null)
        || (p.From is not null && (filters.FiscalYearTo is null || p.From <= filters.FiscalYearTo) && (filters.FiscalYearFrom is null || p.To >= filters.FiscalYearFrom));
}
