namespace ClusterAtlas.Search;

/// <summary>The facet values a record carries (as indices into <see cref="FacetFacts"/>' vocabularies) and its years.</summary>
internal class FacetValues
{
    /// <summary>The region the record was first placed in (its code leads a project's hit to the region's page).</summary>
    public RegionFact? Region { get; private set; }
    public string? RegionCode => Region?.Code;
    public int? From { get; private set; }
    public int? To { get; private set; }
    public FacetSet Programmes { get; } = new();
    public FacetSet Fields { get; } = new();
    public FacetSet Prefectures { get; } = new();
    public FacetSet Ministries { get; } = new();

    public void Span(int? from, int? to)
    {
        if (from is null && to is null)
        {
            return;
        }
        var f = from ?? to!.Value;
        var t = to ?? f;
        From = From is null ? f : Math.Min(From.Value, f);
        To = To is null ? t : Math.Max(To.Value, t);
    }

    /// <summary>Takes the facets of a region the record belongs to (its years are the record's own business).</summary>
    public void Absorb(RegionFact region)
    {
        Region ??= region;
        Programmes.UnionWith(region.Programmes);
        Fields.UnionWith(region.Fields);
        Prefectures.UnionWith(region.Prefectures);
        Ministries.UnionWith(region.Ministries);
    }

    /// <summary>Takes a programme with its ancestors and their ministries.</summary>
    public void AddProgramme(FacetFacts facts, int? programmeId)
    {
        if (programmeId is { } id)
        {
            var (programmes, ministries) = facts.Closure(id);
            Programmes.UnionWith(programmes);
            Ministries.UnionWith(ministries);
        }
    }
}

/// <summary>
/// One matched record with the facet values it carries: sets held by <see cref="FacetFacts"/> (its region's, its
/// programme's with ancestors, those worked out for its ties), shared and never changed here. Copying them into sets of
/// its own cost a thousand matches a few thousand set unions per search (0.15 ms at 10k projects, more at national scale
/// where an organisation's regions run to hundreds of programmes).
/// </summary>
internal sealed class FacetProfile
{
    public required int EntryId { get; init; }
    public required string Type { get; init; }
    public required int Id { get; init; }
    public string Title { get; set; } = "";
    public string? TitleEn { get; set; }
    public bool TitleMatch { get; set; }
    public string Code { get; set; } = "";

    /// <summary>The region the record was first placed in (its code leads a project's hit to the region's page).</summary>
    public RegionFact? Region { get; private set; }
    public string? RegionCode => Region?.Code;
    public int? From { get; private set; }
    public int? To { get; private set; }
    public FacetSet Programmes { get; private set; } = FacetSet.Empty;
    public FacetSet Fields { get; private set; } = FacetSet.Empty;
    public FacetSet Prefectures { get; private set; } = FacetSet.Empty;
    public FacetSet Ministries { get; private set; } = FacetSet.Empty;

    /// <summary>A region's own facets and years.</summary>
    public void Take(RegionFact region) =>
        Take(region, (region.Programmes, region.Ministries), region.Fields, region.Prefectures, region.From, region.To);

    /// <summary>Values worked out for the record's ties (a person's, an organisation's, a link's, an event's …).</summary>
    public void Take(FacetValues values) =>
        Take(values.Region, (values.Programmes, values.Ministries), values.Fields, values.Prefectures, values.From, values.To);

    /// <summary>A project: where its region is (fields, prefectures), its own programme with ancestors and its years.</summary>
    public void Take(RegionFact? region, (FacetSet Programmes, FacetSet Ministries) programme, int from, int to) =>
        Take(region, programme, region?.Fields ?? FacetSet.Empty, region?.Prefectures ?? FacetSet.Empty, from, to);

    /// <summary>A programme: itself with its ancestors and their ministries.</summary>
    public void Take((FacetSet Programmes, FacetSet Ministries) programme) =>
        Take(null, programme, FacetSet.Empty, FacetSet.Empty, null, null);

    private void Take(RegionFact? region, (FacetSet Programmes, FacetSet Ministries) programme, FacetSet fields, FacetSet prefectures, int? from, int? to)
    {
        Region = region;
        (Programmes, Ministries) = programme;
        (Fields, Prefectures) = (fields, prefectures);
        (From, To) = (from, to);
    }
}
