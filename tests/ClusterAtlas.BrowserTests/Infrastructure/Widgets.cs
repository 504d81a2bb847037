using System.Text.Json;
using Microsoft.Playwright;
using Xunit;

namespace ClusterAtlas.BrowserTests.Infrastructure;

/// <summary>Reads what the widgets drew: their state attribute, their ECharts instance and their SVG.</summary>
public static class Widgets
{
    /// <summary>Waits until every [data-widget] on the page is "ready" or "error"; fails when atlas.js never ran.</summary>
    public static async Task WaitForWidgetsAsync(this IPage page, float timeout = 20_000)
    {
        try
        {
            await page.WaitForFunctionAsync(
                "() => [...document.querySelectorAll('[data-widget]')].every(e => e.dataset.widgetState === 'ready' || e.dataset.widgetState === 'error')",
                null, new PageWaitForFunctionOptions { Timeout = timeout, PollingInterval = 100 });
        }
        catch (TimeoutException)
        {
            var states = await page.EvaluateAsync<string>(
                "() => JSON.stringify([...document.querySelectorAll('[data-widget]')].map(e => [e.dataset.widget, e.dataset.for, e.dataset.widgetState ?? '(none: atlas.js did not run)']))");
            Assert.Fail($"widgets did not finish on {page.Url}: {states}");
        }
    }

    /// <summary>The widgets that failed (data-widget-state="error"), as "kind #island: message".</summary>
    public static async Task<IReadOnlyList<string>> FailedWidgetsAsync(this IPage page) =>
        await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('[data-widget][data-widget-state=error]')].map(e => `${e.dataset.widget} #${e.dataset.for}: ${e.dataset.widgetError}`)");

    /// <summary>Evaluates a function (el, echarts instance, echarts module, arg) => value on the widget's ECharts instance.</summary>
    public static async Task<T> WithChartAsync<T>(this IPage page, string selector, string function, object? arg = null)
    {
        var script = $$"""
            async ([selector, arg]) => {
              const echarts = await import('/lib/echarts/echarts.esm.min.js');
              const el = document.querySelector(selector);
              if (!el) throw new Error('no element ' + selector);
              const chart = echarts.getInstanceByDom(el);
              if (!chart) throw new Error('no echarts instance on ' + selector);
              return ({{function}})(el, chart, echarts, arg);
            }
            """;
        return await page.EvaluateAsync<T>(script, new object?[] { selector, arg });
    }

    /// <summary>The number of data items of all series of a type that have a drawn graphic element.</summary>
    public static Task<int> DrawnItemsAsync(this IPage page, string selector, string seriesType) =>
        page.WithChartAsync<int>(selector, """
            (el, chart, echarts, type) => {
              let n = 0;
              chart.getModel().eachSeriesByType(type, s => {
                const data = s.getData();
                for (let i = 0; i < data.count(); i++) if (data.getItemGraphicEl(i)) n++;
              });
              return n;
            }
            """, seriesType);

    /// <summary>The texts of the SVG text elements the widget drew (labels, axis ticks, legend).</summary>
    public static async Task<IReadOnlyList<string>> SvgTextsAsync(this IPage page, string selector) =>
        await page.EvaluateAsync<string[]>(
            "sel => [...document.querySelectorAll(sel + ' svg text')].map(t => t.textContent.trim()).filter(Boolean)", selector);

    /// <summary>The JSON data island a widget reads.</summary>
    public static async Task<JsonElement> IslandAsync(this IPage page, string selector)
    {
        if (await page.Locator(selector).CountAsync() == 0)
        {
            Assert.Fail($"no {selector} on {page.Url}");
        }
        var text = await page.EvaluateAsync<string>(
            "sel => document.getElementById(document.querySelector(sel).dataset.for).textContent", selector);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static string Screenshot(string name) => Path.Combine(RepositoryPaths.Screenshots, name + ".png");
}
