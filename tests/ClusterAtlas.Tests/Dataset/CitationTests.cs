using System.Text.Json;
using Xunit;

namespace ClusterAtlas.Tests.Dataset;

/// <summary>Every quote in data/**/*.json stands at its cited line(s) of the source text.</summary>
public sealed class CitationTests
{
    private sealed record Cite(string Where, JsonElement Value);

    [Fact]
    public void Quotes_EveryDocumentCitation_IsAtItsCitedLines()
    {
        var sources = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var problems = new List<string>();
        var checkedCount = 0;

        foreach (var cite in AllCites().Where(c => c.Value.TryGetProperty("doc", out var d) && d.ValueKind == JsonValueKind.String))
        {
            var doc = cite.Value.GetProperty("doc").GetString()!;
            var quote = cite.Value.TryGetProperty("quote", out var q) ? q.GetString() : null;
            var line = cite.Value.TryGetProperty("line", out var l) && l.ValueKind == JsonValueKind.Number ? l.GetInt32() : 0;
            var lineEnd = cite.Value.TryGetProperty("lineEnd", out var le) && le.ValueKind == JsonValueKind.Number ? le.GetInt32() : line;
            if (!File.Exists(Path.Combine(DataFiles.Root, "sources", doc + ".txt")))
            {
                problems.Add($"{cite.Where}: no data/sources/{doc}.txt");
                continue;
            }
            if (!sources.TryGetValue(doc, out var lines))
            {
                lines = sources[doc] = DataFiles.SourceLines(doc);
            }
            if (string.IsNullOrEmpty(quote))
            {
                problems.Add($"{cite.Where}: empty quote");
                continue;
            }
            if (line < 1 || lineEnd < line || lineEnd > lines.Length)
            {
                problems.Add($"{cite.Where}: lines {line}-{lineEnd} outside {doc} (1-{lines.Length})");
                continue;
            }
            var text = string.Join('\n', lines[(line - 1)..lineEnd]);
            if (!text.Contains(quote, StringComparison.Ordinal))
            {
                problems.Add($"{cite.Where}: «{quote}» is not at {doc}:{line}-{lineEnd}");
                continue;
            }
            checkedCount++;
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
        Assert.True(checkedCount > 300, $"only {checkedCount} citations checked");
        Assert.Equal(5, sources.Count); // every source document is cited
    }

    [Fact]
    public void Quotes_NestedCitations_AreFoundAndChecked()
    {
        var cites = AllCites().ToList();

        // Nested objects carry their own citations: region aliases and survey answers.
        Assert.Contains(cites, c => c.Where.StartsWith("regions/", StringComparison.Ordinal) && c.Where.Contains(".aliases[", StringComparison.Ordinal));
        Assert.Contains(cites, c => c.Where.StartsWith("surveys/", StringComparison.Ordinal) && c.Where.Contains(".answers[", StringComparison.Ordinal));
        var multiLine = cites.Where(c => c.Value.TryGetProperty("lineEnd", out _)).ToList();
        Assert.NotEmpty(multiLine);
        Assert.Contains(multiLine, c => c.Value.GetProperty("quote").GetString()!.Contains('\n', StringComparison.Ordinal));
    }

    [Fact]
    public void Quotes_WebCitations_HaveUrlAndQuote()
    {
        var web = AllCites().Where(c => !c.Value.TryGetProperty("doc", out var d) || d.ValueKind == JsonValueKind.Null).ToList();

        Assert.NotEmpty(web);
        Assert.All(web, c =>
        {
            Assert.StartsWith("http", c.Value.GetProperty("url").GetString(), StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(c.Value.GetProperty("quote").GetString()), c.Where);
        });
    }

    [Fact]
    public void Cite_EveryFactObject_HasAtLeastOneCitation()
    {
        var missing = new List<string>();
        var objects = 0;
        foreach (var (file, root) in DataFiles.All())
        {
            // Indicator definitions and the source descriptions are not facts; README: "no cite needed".
            if (file.StartsWith("indicators/", StringComparison.Ordinal) || !file.Contains('/', StringComparison.Ordinal))
            {
                continue;
            }
            foreach (var (item, i) in root.EnumerateArray().Select((o, i) => (o, i)))
            {
                objects++;
                if (!item.TryGetProperty("cite", out var cite) || cite.ValueKind != JsonValueKind.Array || cite.GetArrayLength() == 0)
                {
                    missing.Add($"{file}[{i}]");
                }
            }
        }

        Assert.True(objects > 300, $"only {objects} objects");
        Assert.True(missing.Count == 0, "no cite: " + string.Join(", ", missing));
    }

    /// <summary>Every element of every `cite` array in data/**/*.json, at any depth, with a path for messages.</summary>
    private static IEnumerable<Cite> AllCites()
    {
        foreach (var (file, root) in DataFiles.All())
        {
            foreach (var cite in Walk(root, file))
            {
                yield return cite;
            }
        }
    }

    private static IEnumerable<Cite> Walk(JsonElement element, string where)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in element.EnumerateArray())
            {
                foreach (var c in Walk(item, $"{where}[{i++}]"))
                {
                    yield return c;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.NameEquals("cite") && property.Value.ValueKind == JsonValueKind.Array)
                {
                    var i = 0;
                    foreach (var cite in property.Value.EnumerateArray())
                    {
                        yield return new Cite($"{where}.cite[{i++}]", cite);
                    }
                }
                else
                {
                    foreach (var c in Walk(property.Value, $"{where}.{property.Name}"))
                    {
                        yield return c;
                    }
                }
            }
        }
    }

    internal static int CountAllCites() => AllCites().Count();
}
