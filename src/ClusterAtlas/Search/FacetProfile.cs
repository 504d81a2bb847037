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

    /// <summary>Takes everything another set of values holds, as if the ties behind it had been absorbed one by one.</summary>
    public void Absorb(FacetValues other)
    {
        Region ??= other.Region;
        Programmes.UnionWith(other.Programmes);
        Fields.UnionWith(other.Fields);
        Prefectures.UnionWith(other.Prefectures);
        Ministries.UnionWith(other.Ministries);
        Span(other.From, other.To);
    }

    /// <summary>Takes only where a region is (fields, prefectures): a project has its own programme and years.</summary>
    public void AbsorbPlace(RegionFact region)
    {
        Region ??= region;
        Fields.UnionWith(region.Fields);
        Prefectures.UnionWith(region.Prefectures);
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

/// <summary>One matched record with the facet values it carries.</summary>
internal sealed class FacetProfile : FacetValues
{
    public required int EntryId { get; init; }
    public required string Type { get; init; }
    public required int Id { get; init; }
    public string Title { get; set; } = "";
    public string? TitleEn { get; set; }
    public bool TitleMatch { get; set; }
    public string Code { get; set; } = "";
}
