using System.Text.Json;
using Microsoft.Playwright;

namespace ClusterAtlas.BrowserTests.Infrastructure;

/// <summary>Runs axe-core (vendored under axe/, injected from disk) on the current page.</summary>
public static class Axe
{
    private static readonly string ScriptPath = Path.Combine(AppContext.BaseDirectory, "axe", "axe.min.js");

    /// <summary>Serious and critical violations, one readable line per rule with up to five offending elements.</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = ScriptPath });
        var json = await page.EvaluateAsync<string>("""
            async () => {
              const result = await axe.run(document, { resultTypes: ['violations'] });
              return JSON.stringify(result.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.impact} ${v.id}: ${v.help} (${v.nodes.length} element(s))\n` + v.nodes.slice(0, 5)
                  .map(n => `    ${n.target.join(' ')} :: ${(n.failureSummary || '').replace(/\s+/g, ' ')}`).join('\n')));
            }
            """);
        return JsonSerializer.Deserialize<string[]>(json) ?? [];
    }
}
