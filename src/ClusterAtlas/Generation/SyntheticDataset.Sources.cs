using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ClusterAtlas.Programmes;
using ClusterAtlas.Sources;

namespace ClusterAtlas.Generation;

public sealed partial class SyntheticDataset
{
    public const string RegionListDocument = "synthetic-regions";

    /// <summary>
    /// One synthetic adoption list per programme (its budget cells, then for a track one line per adopted project) and
    /// one list of regions. Citations quote these lines exactly, as curated citations quote the real sources.
    /// </summary>
    public IEnumerable<SourceDocument> SourceDocuments()
    {
        yield return Document(RegionListDocument, "地域一覧（合成データ）", "Region list (synthetic)",
            regions.Select(r => RegionLine(r.Region)));
        foreach (var p in programmes)
        {
            yield return Document(DocumentId(p), $"{p.NameJa} 採択課題一覧（合成データ）", $"{p.NameEn}: adoption list (synthetic)", ProgrammeLines(p));
        }
    }

    private SourceDocument Document(string id, string titleJa, string titleEn, IEnumerable<string> lines)
    {
        var text = string.Join('\n', lines);
        return new SourceDocument
        {
            Id = id, TitleJa = titleJa, TitleEn = titleEn, Publisher = "atlas generate",
            DescriptionEn = $"Synthetic text written by `atlas generate` (seed {Seed.ToString(CultureInfo.InvariantCulture)}); not a real publication.",
            Text = text, LineCount = text.Split('\n').Length, Sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))),
        };
    }

    private static string DocumentId(Programme p) => "synthetic-" + p.Code;

    private static string RegionLine(Regions.Region r) => $"{r.Code} {r.NameJa}";

    private static string BudgetText(BudgetLine b) =>
        $"{(b.FiscalYear is { } fy ? new Japanese.FiscalYear(fy).JapaneseLabel : "計")}: {(b.PublishedText.Length == 0 ? "（空欄）" : b.PublishedText)}";

    /// <summary>Title, budget header, one line per budget cell, the projects header, then the track's projects in list order.</summary>
    private IEnumerable<string> ProgrammeLines(Programme p)
    {
        yield return $"{p.NameJa} 採択課題一覧（合成データ）";
        yield return "予算額（百万円）";
        foreach (var b in BudgetsOf(p))
        {
            yield return BudgetText(b);
        }
        var track = tracks.IndexOf(p);
        if (track < 0)
        {
            yield break;
        }
        yield return "採択課題";
        for (var i = TrackStart(track); i < TrackStart(track + 1); i++)
        {
            yield return ProjectLine(ProjectAt(i));
        }
    }

    /// <summary>Line number (1-based) of a track's first project: after the title, budget header, cells and projects header.</summary>
    private int FirstProjectLine(Programme track) => 2 + BudgetsOf(track).Count() + 2;

    /// <summary>Citations of every region, budget cell and project, each quoting its line of a synthetic document.</summary>
    public IEnumerable<Citation> Citations()
    {
        var id = 0;
        foreach (var r in regions)
        {
            yield return new Citation
            {
                Id = ++id, SubjectType = SubjectTypes.Region, SubjectId = r.Region.Id, SourceDocumentId = RegionListDocument,
                LineStart = r.Region.Id, Quote = r.Region.NameJa,
            };
        }
        foreach (var p in programmes)
        {
            var line = 2;
            foreach (var b in BudgetsOf(p))
            {
                yield return new Citation
                {
                    Id = ++id, SubjectType = SubjectTypes.Budget, SubjectId = b.Id, SourceDocumentId = DocumentId(p), LineStart = ++line, Quote = BudgetText(b),
                };
            }
        }
        var firstLines = tracks.Select(FirstProjectLine).ToList();
        for (long i = 0; i < Scale.Projects; i++)
        {
            var project = ProjectAt(i);
            var track = tracks[project.Track];
            yield return new Citation
            {
                Id = ++id, SubjectType = SubjectTypes.Participation, SubjectId = project.Participation.Id, SourceDocumentId = DocumentId(track),
                LineStart = firstLines[project.Track] + project.Participation.ListNo!.Value - 1, Quote = project.Participation.ClusterName!,
            };
        }
    }
}
