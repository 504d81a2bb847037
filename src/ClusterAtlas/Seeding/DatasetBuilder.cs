using ClusterAtlas.Data;
using ClusterAtlas.Events;
using ClusterAtlas.IndustrialClusters;
using ClusterAtlas.Indicators;
using ClusterAtlas.International;
using ClusterAtlas.Ministries;
using ClusterAtlas.Organisations;
using ClusterAtlas.People;
using ClusterAtlas.Programmes;
using ClusterAtlas.Regions;
using ClusterAtlas.Sources;
using ClusterAtlas.Surveys;

namespace ClusterAtlas.Seeding;

/// <summary>Turns the dataset files into entities, resolving codes; problems go to the reader's error list.</summary>
internal sealed class DatasetBuilder(DatasetReader reader, IReadOnlyDictionary<string, SourceDocument> sources)
{
    private readonly List<string> errors = reader.Errors;
    private readonly List<(Func<int> Id, List<Citation> Citations)> pending = [];
    private readonly List<object> entities = [];
    private CitationBuilder cites = null!;

    public List<Citation> Citations => cites.Citations;
    public int RecordCount => entities.Count;

    public DatasetBuilder Build()
    {
        cites = new CitationBuilder(sources, errors);
        var ministries = Keyed(reader.Read<MinistryFile>("ministries"), m => m.Code, (m, at) =>
            Cited(new Ministry { Code = m.Code, NameJa = m.NameJa, NameEn = m.NameEn }, SubjectTypes.Ministry, m.Cite, at, x => x.Id));
        var programmes = BuildProgrammes(ministries);
        BuildProgrammeFacts(programmes);
        var regions = BuildRegions();
        var organisations = Keyed(reader.Read<OrganisationFile>("organisations"), o => o.Code, (o, at) =>
            Cited(new Organisation { Code = o.Code, NameJa = o.NameJa, NameEn = o.NameEn, Kind = o.Kind, CountryCode = o.Country ?? "JP", Note = o.Note },
                SubjectTypes.Organisation, o.Cite, at, x => x.Id));
        BuildRegionFacts(regions, programmes, organisations);
        BuildPeople(regions, organisations);
        BuildOutcomes(regions, programmes);
        return this;
    }

    public void AddTo(AtlasDbContext db) => db.AddRange(entities);

    public void ResolveCitationSubjects()
    {
        foreach (var (id, list) in pending)
        {
            var subjectId = id();
            list.ForEach(c => c.SubjectId = subjectId);
        }
    }

    private Dictionary<string, Programme> BuildProgrammes(Dictionary<string, Ministry> ministries)
    {
        var files = reader.Read<ProgrammeFile>("programmes");
        var programmes = Keyed(files, p => p.Code, (p, at) =>
        {
            if (!DatasetValues.TryEnum<ProgrammeKind>(p.Kind, out var kind))
            {
                errors.Add($"{at}: unknown programme kind '{p.Kind}'");
            }
            return Cited(new Programme
            {
                Code = p.Code, NameJa = p.NameJa, NameEn = p.NameEn, Kind = kind, TermText = p.TermText,
                StartFiscalYear = p.StartFy, EndFiscalYear = p.EndFy, AimsJa = p.AimsJa, ProgressJa = p.ProgressJa, Note = p.Note,
                Ministry = Lookup(ministries, p.Ministry, "ministry", at),
            }, SubjectTypes.Programme, p.Cite, at, x => x.Id);
        });
        foreach (var f in files)
        {
            if (programmes.TryGetValue(f.Item.Code, out var programme))
            {
                programme.Parent = Lookup(programmes, f.Item.Parent, "parent programme", f.Where);
            }
        }
        return programmes;
    }

    private void BuildProgrammeFacts(Dictionary<string, Programme> programmes)
    {
        foreach (var (l, at) in Each(reader.Read<LineageFile>("programme-lineage")))
        {
            Cited(new ProgrammeLineage { From = Require(programmes, l.From, "programme", at), To = Require(programmes, l.To, "programme", at), Kind = l.Kind, Note = l.Note },
                SubjectTypes.Lineage, l.Cite, at, x => x.Id);
        }
        foreach (var (b, at) in Each(reader.Read<BudgetFile>("budgets")))
        {
            if (!DatasetValues.TryEnum<BudgetStatus>(b.Status, out var status))
            {
                errors.Add($"{at}: unknown budget status '{b.Status}'");
            }
            Cited(new BudgetLine
            {
                Programme = Require(programmes, b.Measure, "measure", at), FiscalYear = b.Fy, PublishedText = b.PublishedText,
                AmountMillionYen = b.Amount, Status = status, Footnote = b.Footnote, Note = b.Note,
            }, SubjectTypes.Budget, b.Cite, at, x => x.Id);
        }
        foreach (var (c, at) in Each(reader.Read<CooperationFile>("cooperation")))
        {
            Cited(new MeasureCooperation
            {
                From = Require(programmes, c.From, "programme", at), To = Require(programmes, c.To, "programme", at), Kind = c.Kind,
                DescriptionJa = c.DescriptionJa, FiscalYearFrom = c.FyFrom, FiscalYearTo = c.FyTo, Note = c.Note,
            }, SubjectTypes.Cooperation, c.Cite, at, x => x.Id);
        }
    }

    private Dictionary<string, Region> BuildRegions()
    {
        var regions = Keyed(reader.Read<RegionFile>("regions"), r => r.Code, (r, at) =>
        {
            var region = Cited(new Region
            {
                Code = r.Code, NameJa = r.NameJa, NameEn = r.NameEn, Latitude = r.Latitude, Longitude = r.Longitude, Note = r.Note,
                Prefectures = (r.Prefectures ?? []).Select(p => new RegionPrefecture { Prefecture = p }).ToList(),
                Fields = (r.Fields ?? []).Select(f => new RegionField { Field = f }).ToList(),
                Proposers = (r.Proposers ?? []).Select(p => new RegionProposer { Name = p.Name, Kind = p.Kind }).ToList(),
            }, SubjectTypes.Region, r.Cite, at, x => x.Id);
            AddAlias(region, r.NameJa, null, Basis.Published, null, at, required: false);
            foreach (var a in r.Aliases ?? [])
            {
                AddAlias(region, a.Name, a.Cite, ParseBasis(a.Basis, at), a.Note, at, required: true);
            }
            return region;
        });
        foreach (var (a, at) in Each(reader.Read<AliasFile>("region-aliases")))
        {
            var region = Require(regions, a.Region, "region", at);
            if (region is not null)
            {
                AddAlias(region, a.Name, a.Cite, ParseBasis(a.Basis, at), a.Note, at, required: true);
            }
        }
        return regions;
    }

    private void AddAlias(Region region, string name, CiteFile[]? cite, Basis basis, string? note, string at, bool required)
    {
        var normalized = RegionNames.Key(name);
        var existing = region.Aliases.FirstOrDefault(x => x.Name == name);
        var alias = existing ?? new RegionAlias { Region = region, Name = name, NormalizedName = normalized, Basis = basis, Note = note };
        if (existing is null)
        {
            region.Aliases.Add(alias);
            entities.Add(alias);
        }
        var list = cites.Add(SubjectTypes.RegionAlias, cite, at, required);
        pending.Add((() => alias.Id, list));
    }

    private void BuildRegionFacts(Dictionary<string, Region> regions, Dictionary<string, Programme> programmes, Dictionary<string, Organisation> organisations)
    {
        foreach (var (p, at) in Each(reader.Read<ParticipationFile>("participations")))
        {
            Cited(new Participation
            {
                Region = Require(regions, p.Region, "region", at), Programme = Require(programmes, p.Programme, "programme", at),
                StartFiscalYear = p.StartFy, EndFiscalYear = p.EndFy, TermText = p.TermText, ClusterName = p.ClusterName, Theme = p.Theme,
                SourcePage = p.SourcePage, ListNo = p.ListNo, GroupLabel = p.GroupLabel, Basis = ParseBasis(p.Basis, at), Note = p.Note,
            }, SubjectTypes.Participation, p.Cite, at, x => x.Id);
        }
        foreach (var (l, at) in Each(reader.Read<LinkFile>("links")))
        {
            Cited(new InternationalLink
            {
                Region = Require(regions, l.Region, "region", at), FiscalYear = l.Fy, CountryCode = l.Country, PartnerName = l.PartnerName,
                PartnerOrganisation = Lookup(organisations, l.PartnerOrganisation, "organisation", at), PartnerKind = l.PartnerKind,
                ActivityJa = l.ActivityJa, Note = l.Note,
            }, SubjectTypes.Link, l.Cite, at, x => x.Id);
        }
    }

    private void BuildPeople(Dictionary<string, Region> regions, Dictionary<string, Organisation> organisations)
    {
        var people = Keyed(reader.Read<PersonFile>("people"), p => p.Code, (p, at) =>
            Cited(new Person { Code = p.Code, NameJa = p.NameJa, NameEn = p.NameEn, Note = p.Note }, SubjectTypes.Person, p.Cite, at, x => x.Id));
        foreach (var (r, at) in Each(reader.Read<RoleFile>("role-assignments")))
        {
            if (!DatasetValues.TryDate(r.FromDate, out var from, out _) || !DatasetValues.TryDate(r.ToDate, out var to, out _))
            {
                errors.Add($"{at}: dates must be yyyy-MM-dd, yyyy-MM or yyyy");
                continue;
            }
            Cited(new RoleAssignment
            {
                Person = Require(people, r.Person, "person", at), Title = r.Title, Region = Lookup(regions, r.Region, "region", at),
                Organisation = Lookup(organisations, r.Organisation, "organisation", at), FromDate = from, ToDate = to, Note = r.Note,
            }, SubjectTypes.RoleAssignment, r.Cite, at, x => x.Id);
        }
    }

    private void BuildOutcomes(Dictionary<string, Region> regions, Dictionary<string, Programme> programmes)
    {
        foreach (var (c, at) in Each(reader.Read<IndustrialClusterFile>("industrial-clusters")))
        {
            Cited(new IndustrialClusterProject
            {
                Code = c.Code, NameJa = c.NameJa, NameEn = c.NameEn, Area = c.Area, FieldsText = c.FieldsText, CompaniesText = c.CompaniesText,
                CompaniesApprox = c.CompaniesApprox, UniversitiesText = c.UniversitiesText, Universities = c.Universities, AsOfYear = c.AsOfYear, Note = c.Note,
            }, SubjectTypes.IndustrialCluster, c.Cite, at, x => x.Id);
        }
        foreach (var (e, at) in Each(reader.Read<EventFile>("events")))
        {
            if (!DatasetValues.TryDate(e.StartDate, out var start, out var precision) || !DatasetValues.TryDate(e.EndDate, out var end, out _))
            {
                errors.Add($"{at}: dates must be yyyy-MM-dd, yyyy-MM or yyyy");
                continue;
            }
            Cited(new Event
            {
                Code = e.Code, NameJa = e.NameJa, NameEn = e.NameEn, Kind = e.Kind, StartDate = start, EndDate = end, DatePrecision = precision,
                DateText = e.DateText, Venue = e.Venue, Organisers = e.Organisers is null ? null : string.Join(',', e.Organisers),
                FiscalYear = e.Fy, Programme = Lookup(programmes, e.Programme, "programme", at), Note = e.Note,
            }, SubjectTypes.Event, e.Cite, at, x => x.Id);
        }
        var indicators = Keyed(reader.Read<IndicatorFile>("indicators"), i => i.Code, (i, _) =>
            Add(new Indicator { Code = i.Code, NameJa = i.NameJa, NameEn = i.NameEn, Unit = i.Unit }));
        foreach (var (o, at) in Each(reader.Read<ObservationFile>("indicator-observations")))
        {
            DatasetValues.TryEnum<ObservationStatus>(o.Status ?? "published", out var status);
            Cited(new IndicatorObservation
            {
                Indicator = Require(indicators, o.Indicator, "indicator", at), Programme = Lookup(programmes, o.Programme ?? o.Measure, "programme", at),
                Region = Lookup(regions, o.Region, "region", at), Sector = o.Sector ?? "all", FiscalYearFrom = o.FyFrom, FiscalYearTo = o.FyTo,
                Value = o.Value, PublishedText = o.PublishedText, Unit = o.Unit, Cumulative = o.Cumulative, Approximate = o.Approximate,
                Target = o.Target, Status = status, Basis = ParseBasis(o.Basis, at), Note = o.Note,
            }, SubjectTypes.Observation, o.Cite, at, x => x.Id);
        }
        foreach (var (s, at) in Each(reader.Read<SurveyFile>("surveys")))
        {
            var survey = Cited(new Survey
            {
                Code = s.Code, NameJa = s.NameJa, NameEn = s.NameEn, FiscalYear = s.Fy, Programme = Lookup(programmes, s.Programme, "programme", at),
                Population = s.Population, Sent = s.Sent, SentText = s.SentText, ReturnRate = s.ReturnRate, ReturnRateText = s.ReturnRateText, Note = s.Note,
            }, SubjectTypes.Survey, s.Cite, at, x => x.Id);
            foreach (var (a, i) in (s.Answers ?? []).Select((a, i) => (a, i)))
            {
                var answer = new SurveyAnswer { Question = a.Question, Segment = a.Segment, Share = a.Share, PublishedText = a.PublishedText, Approximate = a.Approximate };
                survey.Answers.Add(answer);
                Cited(answer, SubjectTypes.SurveyAnswer, a.Cite, $"{at}.answers[{i}]", x => x.Id);
            }
        }
    }

    private T Add<T>(T entity) where T : class
    {
        entities.Add(entity);
        return entity;
    }

    private T Cited<T>(T entity, string subjectType, CiteFile[]? cite, string at, Func<T, int> id) where T : class
    {
        entities.Add(entity);
        pending.Add((() => id(entity), cites.Add(subjectType, cite, at)));
        return entity;
    }

    private Dictionary<string, TEntity> Keyed<TFile, TEntity>(List<Located<TFile>> files, Func<TFile, string> key, Func<TFile, string, TEntity> make)
    {
        var result = new Dictionary<string, TEntity>(StringComparer.Ordinal);
        foreach (var f in files)
        {
            var code = key(f.Item);
            if (string.IsNullOrWhiteSpace(code))
            {
                errors.Add($"{f.Where}: missing code");
            }
            else if (!result.TryAdd(code, make(f.Item, f.Where)))
            {
                errors.Add($"{f.Where}: duplicate code '{code}'");
            }
        }
        return result;
    }

    private static IEnumerable<(T Item, string Where)> Each<T>(List<Located<T>> files) => files.Select(f => (f.Item, f.Where));

    private T? Lookup<T>(Dictionary<string, T> map, string? code, string what, string at) where T : class
    {
        if (code is null)
        {
            return null;
        }
        if (map.TryGetValue(code, out var found))
        {
            return found;
        }
        errors.Add($"{at}: unknown {what} '{code}'");
        return null;
    }

    private T Require<T>(Dictionary<string, T> map, string? code, string what, string at) where T : class
    {
        if (code is null)
        {
            errors.Add($"{at}: {what} is required");
            return null!;
        }
        return Lookup(map, code, what, at)!;
    }

    private Basis ParseBasis(string? text, string at)
    {
        if (text is null)
        {
            return Basis.Published;
        }
        if (!DatasetValues.TryEnum<Basis>(text, out var basis))
        {
            errors.Add($"{at}: basis must be published, decoded or inferred, not '{text}'");
        }
        return basis;
    }
}
