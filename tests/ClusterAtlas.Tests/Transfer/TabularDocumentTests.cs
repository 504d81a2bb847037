using ClusterAtlas.Tests.Infrastructure;
using ClusterAtlas.Transfer;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ClusterAtlas.Tests.Transfer;

/// <summary>data/TABULAR.md documents exactly the tables and columns the exporter writes and the importer reads.</summary>
public sealed class TabularDocumentTests
{
    [Fact]
    public void TabularDocument_ListsEveryTableWithEveryColumnAndItsKey()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.DataFolder, "TABULAR.md")).Replace("\r", "", StringComparison.Ordinal);
        var tablesPart = text[text.IndexOf("\n## Tables\n", StringComparison.Ordinal)..];
        var sections = tablesPart.Split("\n### ").Skip(1).ToDictionary(s => s[..s.IndexOf('\n', StringComparison.Ordinal)].Trim(), s => s, StringComparer.Ordinal);
        var model = SyntheticDump.Model();

        var tables = TransferTables.All(model);
        Assert.Equal(tables.Select(t => t.GetTableName()!).Order(StringComparer.Ordinal), sections.Keys.Order(StringComparer.Ordinal));
        foreach (var table in tables)
        {
            var section = sections[table.GetTableName()!];
            Assert.Contains($"Matched by **{TableUpsert.KeyOf(table).Name}**.", section, StringComparison.Ordinal);
            var documented = section.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| column", StringComparison.Ordinal))
                .Select(l => l.Split('|')[1].Trim()).ToList();
            Assert.Equal(TransferTables.Columns(table).Select(c => c.Name), documented);
        }
    }
}
