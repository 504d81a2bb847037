using System.Globalization;
using ClusterAtlas.Events;
using ClusterAtlas.Generation.Vocabulary;
using ClusterAtlas.IndustrialClusters;
using ClusterAtlas.International;
using ClusterAtlas.Surveys;

namespace ClusterAtlas.Generation;

public sealed partial class SyntheticDataset
{
    private static readonly string[] LinkActivities =
        ["との共同研究", "との研究者交流", "との覚書（MOU）締結", "との合同ワークショップ開催", "への研究員派遣", "との製品開発に関する連携"];

    /// <summary>International links (広域化・国際化); a third name a foreign organisation of the registry.</summary>
    public IEnumerable<InternationalLink> InternationalLinks()
    {
        var foreignOrganisations = Scale.Organisations / ForeignEvery;
        for (var i = 0; i < Scale.Links; i++)
        {
            var rng = Rng(RowKind.Link, i);
            var region = rng.Pick(regions);
            var (partner, country, kind) = rng.Pick(OrganisationWords.ForeignPartners);
            int? organisation = foreignOrganisations > 0 && rng.Chance(0.3) ? ForeignEvery * (1 + rng.Below(foreignOrganisations)) : null;
            yield return new InternationalLink
            {
                Id = i + 1, RegionId = region.Region.Id, FiscalYear = rng.Between(2005, LastFiscalYear), CountryCode = kind == "cluster" && rng.Chance(0.2) ? null : country,
                PartnerName = partner, PartnerOrganisationId = organisation, PartnerKind = kind, ActivityJa = partner + rng.Pick(LinkActivities),
            };
        }
    }

    public IEnumerable<Event> Events()
    {
        for (var i = 0; i < Scale.Events; i++)
        {
            var rng = Rng(RowKind.Event, i);
            var region = rng.Pick(regions);
            var (name, kind) = rng.Pick(OrganisationWords.EventNames);
            var theme = rng.Pick(rng.Pick(region.Fields).Themes);
            var start = new DateOnly(rng.Between(2002, LastFiscalYear), rng.Between(1, 12), rng.Between(1, 28));
            var days = kind is "fair" or "conference" ? rng.Between(1, 2) : 0;
            var fy = Japanese.FiscalYear.Of(start);
            yield return new Event
            {
                Id = i + 1, Code = "ev-" + (i + 1).ToString("D6", CultureInfo.InvariantCulture),
                NameJa = $"{region.City.Ja}{theme.Ja}{name}{start.Year.ToString(CultureInfo.InvariantCulture)}", NameEn = rng.Chance(0.5) ? $"{region.City.En} {theme.En} {kind} {start.Year.ToString(CultureInfo.InvariantCulture)}" : null,
                Kind = kind, StartDate = start, EndDate = days > 0 ? start.AddDays(days) : null, DatePrecision = DatePrecision.Day,
                DateText = start.ToString("yyyy年M月d日", CultureInfo.InvariantCulture), Venue = rng.Chance(0.5) ? rng.Pick(OrganisationWords.Venues) : $"{region.City.Ja}市民会館",
                Organisers = rng.Chance(0.5) ? "mext,meti" : "mext", FiscalYear = fy.StartYear,
                ProgrammeId = rng.Chance(0.6) ? 1 + rng.Below(programmes.Count) : null,
            };
        }
    }

    /// <summary>METI 産業クラスター計画 projects, one per block and field.</summary>
    public IEnumerable<IndustrialClusterProject> IndustrialClusterProjects()
    {
        var blocks = Places.All.Select(p => p.Block).Distinct().ToList();
        for (var i = 0; i < Scale.IndustrialClusters; i++)
        {
            var rng = Rng(RowKind.IndustrialCluster, i);
            var block = blocks[i % blocks.Count];
            var field = rng.Pick(Themes.Fields);
            var companies = rng.Between(50, 800);
            var universities = rng.Between(3, 40);
            yield return new IndustrialClusterProject
            {
                Id = i + 1, Code = "ic-" + (i + 1).ToString("D3", CultureInfo.InvariantCulture), NameJa = $"{block}{field.Ja}産業クラスター",
                NameEn = $"{field.En} cluster ({block})", Area = block, FieldsText = string.Join("、", field.Themes.Take(3).Select(t => t.Ja)),
                CompaniesText = $"約{companies.ToString(CultureInfo.InvariantCulture)}社", CompaniesApprox = companies,
                UniversitiesText = $"{universities.ToString(CultureInfo.InvariantCulture)}大学", Universities = universities, AsOfYear = 2009,
            };
        }
    }

    public IEnumerable<Survey> Surveys()
    {
        for (var i = 0; i < Scale.Surveys; i++)
        {
            var rng = Rng(RowKind.Survey, i);
            var programme = programmes[(i * (GenerationScale.TracksPerProgramme + 1)) % programmes.Count];
            var sent = rng.Between(200, 1500);
            var rate = Math.Round((decimal)rng.Between(40, 80) / 100, 2);
            yield return new Survey
            {
                Id = i + 1, Code = "sv-" + (i + 1).ToString("D3", CultureInfo.InvariantCulture), NameJa = $"{programme.NameJa}終了評価予備調査",
                FiscalYear = programme.EndFiscalYear, ProgrammeId = programme.Id, Population = "参画機関（企業・大学・公的研究機関）",
                Sent = sent, SentText = $"{sent.ToString(CultureInfo.InvariantCulture)}件", ReturnRate = rate,
                ReturnRateText = $"約{(rate * 100).ToString("0", CultureInfo.InvariantCulture)}%",
            };
        }
    }

    private static readonly string[] SurveyQuestions = ["目標は達成されたか", "事業化につながったか", "共同研究は継続しているか"];

    public IEnumerable<SurveyAnswer> SurveyAnswers()
    {
        var id = 0;
        for (var i = 0; i < Scale.Surveys; i++)
        {
            var rng = Rng(RowKind.Survey, Scale.Surveys + i);
            foreach (var question in SurveyQuestions)
            {
                foreach (var segment in new[] { "all", "company" })
                {
                    var share = Math.Round((decimal)rng.Between(30, 90) / 100, 2);
                    yield return new SurveyAnswer
                    {
                        Id = ++id, SurveyId = i + 1, Question = question, Segment = segment, Share = share,
                        PublishedText = $"{(share * 100).ToString("0", CultureInfo.InvariantCulture)}%", Approximate = rng.Chance(0.3),
                    };
                }
            }
        }
    }
}
