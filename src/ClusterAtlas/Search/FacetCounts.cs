using System.Globalization;
using ClusterAtlas.Japanese;

namespace ClusterAtlas.Search;

/// <summary>
/// The portal's facet counts over the matched records, in one pass over them. A facet's counts ignore its own selection,
/// so choosing one value does not hide the others: a record that fails only that facet's selection still counts there.
/// Set-valued facets (programmes, fields, prefectures, ministries) are bit-sliced tallies (<see cref="FacetTally"/>).
/// </summary>
internal sealed record FacetCounts(
    List<FacetCountDto> Types, List<FacetCountDto> Programmes, List<FacetCountDto> FiscalYears,
    List<FacetCountDto> Fields, List<FacetCountDto> Prefectures, List<FacetCountDto> Ministries)
{
    /// <summary>Counts <paramref name="profiles"/> against <paramref name="selected"/>; <paramref name="typeOrder"/> is the type facet's order.</summary>
    public static FacetCounts Count(FacetFacts facts, SelectedFacets selected, List<FacetProfile> profiles, string[] typeOrder)
    {
        var types = new int[typeOrder.Length];
        var programmes = new FacetTally(facts.ProgrammesByIndex.Count, profiles.Count);
        var fields = new FacetTally(facts.Fields.Count, profiles.Count);
        var prefectures = new FacetTally(facts.Prefectures.Count, profiles.Count);
        var ministries = new FacetTally(facts.Ministries.Count, profiles.Count);
        var (firstYear, lastYear) = YearSpan(profiles);
        // Each record's span is marked at its ends (+1 at its first year, −1 after its last) and summed up afterwards.
        var years = new int[Math.Max(0, lastYear - firstYear + 2)];
        foreach (var p in profiles)
        {
            var failing = selected.Failing(p);
            bool Counted(Facet facet) => failing == Facet.None || failing == facet;
            if (Counted(Facet.Type))
            {
                types[Array.IndexOf(typeOrder, p.Type)]++;
            }
            if (Counted(Facet.Programme))
            {
                programmes.Add(p.Programmes);
            }
            if (Counted(Facet.Year) && p.From is { } from)
            {
                years[from - firstYear]++;
                years[p.To!.Value - firstYear + 1]--;
            }
            if (Counted(Facet.Field))
            {
                fields.Add(p.Fields);
            }
            if (Counted(Facet.Prefecture))
            {
                prefectures.Add(p.Prefectures);
            }
            if (Counted(Facet.Ministry))
            {
                ministries.Add(p.Ministries);
            }
        }
        for (var i = 1; i < years.Length; i++)
        {
            years[i] += years[i - 1];
        }
        return new FacetCounts(
            InOrder(types, i => (typeOrder[i], typeOrder[i], typeOrder[i])),
            Ranked(programmes.Counts(), facts.ProgrammeOrder, i => Label(facts.ProgrammesByIndex[i])),
            InOrder(years.AsSpan(0, Math.Max(0, years.Length - 1)), i =>
            {
                var fy = new FiscalYear(firstYear + i);
                return ((firstYear + i).ToString(CultureInfo.InvariantCulture), fy.JapaneseLabel, fy.EnglishLabel);
            }),
            Ranked(fields.Counts(), facts.FieldOrder, i => (facts.Fields[i], facts.Fields[i], facts.Fields[i])),
            Ranked(prefectures.Counts(), facts.PrefectureOrder, i => (facts.Prefectures[i], facts.Prefectures[i], facts.Prefectures[i])),
            Ranked(ministries.Counts(), facts.MinistryOrder, i => facts.Ministries[i]));
    }

    private static (string, string, string) Label(ProgrammeFact programme) => (programme.Code, programme.NameJa, programme.NameEn);

    /// <summary>The first and last fiscal year any match spans (the year facet's range), or an empty range.</summary>
    private static (int First, int Last) YearSpan(List<FacetProfile> profiles)
    {
        var (first, last) = (int.MaxValue, int.MinValue);
        foreach (var p in profiles)
        {
            if (p.From is { } from)
            {
                first = Math.Min(first, from);
                last = Math.Max(last, p.To!.Value);
            }
        }
        return first > last ? (0, -1) : (first, last);
    }

    /// <summary>The values counted at least once, in the vocabulary's order (types, years).</summary>
    private static List<FacetCountDto> InOrder(ReadOnlySpan<int> counts, Func<int, (string Value, string Ja, string En)> label)
    {
        var result = new List<FacetCountDto>();
        for (var i = 0; i < counts.Length; i++)
        {
            if (counts[i] > 0)
            {
                var (value, ja, en) = label(i);
                result.Add(new FacetCountDto(value, ja, en, counts[i]));
            }
        }
        return result;
    }

    /// <summary>
    /// The values counted at least once, most frequent first, then by value (<paramref name="order"/>: the values' ordinal
    /// order): sorted as numbers; sorting some three hundred programmes by comparing their codes took 0.05–0.08 ms.
    /// </summary>
    private static List<FacetCountDto> Ranked(int[] counts, OrdinalOrder order, Func<int, (string Value, string Ja, string En)> label)
    {
        var keys = new List<long>(counts.Length);
        for (var i = 0; i < counts.Length; i++)
        {
            if (counts[i] > 0)
            {
                // Higher counts first, then the value's place in ordinal order.
                keys.Add(((long)(int.MaxValue - counts[i]) << 32) | (uint)order.Ranks[i]);
            }
        }
        keys.Sort();
        var result = new List<FacetCountDto>(keys.Count);
        foreach (var key in keys)
        {
            var i = order.Indexes[(int)(key & uint.MaxValue)];
            var (value, ja, en) = label(i);
            result.Add(new FacetCountDto(value, ja, en, counts[i]));
        }
        return result;
    }
}
