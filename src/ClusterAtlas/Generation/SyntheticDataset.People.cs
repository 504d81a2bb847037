using System.Globalization;
using ClusterAtlas.Generation.Vocabulary;
using ClusterAtlas.Organisations;
using ClusterAtlas.People;

namespace ClusterAtlas.Generation;

public sealed partial class SyntheticDataset
{
    /// <summary>Every 50th organisation is a foreign partner, so international links can point at one by id.</summary>
    private const int ForeignEvery = 50;

    public IEnumerable<Organisation> Organisations()
    {
        for (var i = 0; i < Scale.Organisations; i++)
        {
            yield return OrganisationAt(i);
        }
    }

    private Organisation OrganisationAt(int index)
    {
        var rng = Rng(RowKind.Organisation, index);
        var id = index + 1;
        var code = "org-" + id.ToString("D7", CultureInfo.InvariantCulture);
        if (id % ForeignEvery == 0)
        {
            var (name, country, _) = rng.Pick(OrganisationWords.ForeignPartners);
            return new Organisation { Id = id, Code = code, NameJa = name, NameEn = name, Kind = "foreign-institution", CountryCode = country };
        }
        var prefecture = rng.Pick(Places.All);
        var city = rng.Pick(prefecture.Cities);
        var roll = rng.Below(100);
        var (kind, ja, en) = roll switch
        {
            < 55 => Company(ref rng, city),
            < 70 => University(ref rng, prefecture, city),
            < 82 => ("research-institute", $"{prefecture.Ja}{rng.Pick(rng.Pick(Themes.Fields).Themes).Ja}研究所", $"{prefecture.En} Research Institute"),
            < 87 => ("foundation", $"公益財団法人{prefecture.Ja}科学技術振興財団", $"{prefecture.En} Science and Technology Foundation"),
            < 91 => ("core-organisation", $"{city.Ja}地域テクノポリス推進機構", $"{city.En} Technopolis Organisation"),
            < 95 => rng.Chance(0.5) ? ("government", prefecture.Ja, $"{prefecture.En} Prefecture") : ("government", city.Ja + "市", $"{city.En} City"),
            < 98 => ("industry-association", $"{prefecture.Ja}{rng.Pick(rng.Pick(Themes.Fields).Themes).Ja}産業協議会", $"{prefecture.En} Industry Council"),
            _ => ("other", $"{city.Ja}商工会議所", $"{city.En} Chamber of Commerce"),
        };
        return new Organisation { Id = id, Code = code, NameJa = ja, NameEn = rng.Chance(0.7) ? en : null, Kind = kind, CountryCode = "JP" };
    }

    private static (string, string, string) Company(ref SplitMix64 rng, City city)
    {
        var (brandJa, brandEn) = rng.Chance(0.5) ? (city.Ja, city.En) : rng.Pick(OrganisationWords.Brands);
        var (businessJa, businessEn) = rng.Pick(OrganisationWords.Businesses);
        var ja = rng.Chance(0.5) ? $"株式会社{brandJa}{businessJa}" : $"{brandJa}{businessJa}株式会社";
        return ("company", ja, $"{brandEn} {businessEn} Co., Ltd.");
    }

    private static (string, string, string) University(ref SplitMix64 rng, Prefecture prefecture, City city)
    {
        var (ja, en) = rng.Below(4) switch
        {
            0 => ($"{city.Ja}大学", $"{city.En} University"),
            1 => ($"{city.Ja}工業大学", $"{city.En} Institute of Technology"),
            2 => ($"{prefecture.Ja}立大学", $"{prefecture.En} Prefectural University"),
            _ => ($"{city.Ja}医科大学", $"{city.En} Medical University"),
        };
        if (rng.Chance(0.5))
        {
            var (facultyJa, facultyEn) = rng.Pick(OrganisationWords.Faculties);
            (ja, en) = ($"{ja}{facultyJa}", $"{facultyEn}, {en}");
        }
        return ("university", ja, en);
    }

    public IEnumerable<Person> People()
    {
        for (var i = 0; i < Scale.People; i++)
        {
            var rng = Rng(RowKind.Person, i);
            var family = rng.Pick(PersonNames.Family);
            var given = rng.Pick(PersonNames.Given);
            var id = i + 1;
            yield return new Person
            {
                Id = id, Code = "pn-" + id.ToString("D7", CultureInfo.InvariantCulture), NameJa = $"{family.Ja} {given.Ja}",
                NameEn = rng.Chance(0.8) ? $"{given.En} {family.En}" : null,
            };
        }
    }

    /// <summary>Dated roles in a region's cluster headquarters or projects; a person holds about four over a career.</summary>
    public IEnumerable<RoleAssignment> RoleAssignments()
    {
        for (long i = 0; i < Scale.RoleAssignments; i++)
        {
            var rng = Rng(RowKind.Role, i);
            var from = new DateOnly(FirstFiscalYear, 4, 1).AddDays(rng.Below(365 * (LastFiscalYear - FirstFiscalYear)));
            DateOnly? to = rng.Chance(0.2) ? null : from.AddDays(rng.Between(180, 365 * 5));
            yield return new RoleAssignment
            {
                Id = (int)i + 1, PersonId = 1 + rng.Below(Scale.People), Title = rng.Pick(Institutions.Titles),
                RegionId = rng.Chance(0.9) ? rng.Pick(regions).Region.Id : null,
                OrganisationId = rng.Chance(0.7) ? 1 + rng.Below(Scale.Organisations) : null,
                FromDate = from, ToDate = to,
            };
        }
    }
}
