using System.Net;
using System.Text.RegularExpressions;

namespace ClusterAtlas.Tests.Pages;

/// <summary>What a crawl found: every URL visited, how many were HTML pages, and each failure with the page linking to it.</summary>
public sealed record CrawlResult(IReadOnlyCollection<string> Seen, int Pages, IReadOnlyList<string> Failures, bool Finished);

/// <summary>Follows every internal link from a start page, breadth-first, a few requests at a time, up to a number of URLs.</summary>
public static partial class SiteCrawler
{
    [GeneratedRegex("(?:href|src)\\s*=\\s*\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex Links();

    /// <summary>The client sends no language cookie, so ?lang=ja renders exactly the default page: fetch that only once.</summary>
    private static string WithoutDefaultLanguage(string pathAndQuery)
    {
        var q = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        if (q < 0)
        {
            return pathAndQuery;
        }
        var rest = string.Join('&', pathAndQuery[(q + 1)..].Split('&').Where(p => p != "lang=ja"));
        return pathAndQuery[..q] + (rest.Length == 0 ? "" : "?" + rest);
    }

    public static async Task<CrawlResult> CrawlAsync(HttpClient client, string start, int maxUrls)
    {
        var origin = client.BaseAddress!;
        var seen = new HashSet<string>(StringComparer.Ordinal) { start };
        var level = new List<(string Url, string From)> { (start, "(start)") };
        var failures = new List<string>();
        var pages = 0;
        // Breadth-first, one level at a time; the pages of a level are fetched a few at a time.
        while (level.Count > 0) // bounded: Enqueue stops adding at maxUrls
        {
            var results = new (string Url, int Status, string? Html, string? Location)[level.Count];
            await Parallel.ForEachAsync(Enumerable.Range(0, level.Count), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, ct) =>
            {
                using var response = await client.GetAsync(new Uri(level[i].Url, UriKind.Relative), ct);
                var html = response.Content.Headers.ContentType?.MediaType == "text/html" ? await response.Content.ReadAsStringAsync(ct) : null;
                results[i] = (level[i].Url, (int)response.StatusCode, html, response.Headers.Location?.ToString());
            });
            var next = new List<(string Url, string From)>();
            for (var i = 0; i < results.Length; i++)
            {
                var (url, status, html, location) = results[i];
                if (status >= 400)
                {
                    failures.Add($"{status} {url} (linked from {level[i].From})");
                }
                else if (location is not null)
                {
                    Enqueue(location, url, next);
                }
                else if (html is not null)
                {
                    pages++;
                    foreach (Match m in Links().Matches(html))
                    {
                        Enqueue(WebUtility.HtmlDecode(m.Groups[1].Value), url, next);
                    }
                }
            }
            level = next;
        }
        return new CrawlResult(seen, pages, failures, seen.Count < maxUrls);

        void Enqueue(string href, string from, List<(string, string)> next)
        {
            if (href.Length == 0 || href.StartsWith('#') || href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)
                || href.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase) || href.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }
            var target = new Uri(new Uri(origin, from), href);
            if (target.Scheme is not ("http" or "https") || target.Authority != origin.Authority)
            {
                return; // external
            }
            var local = WithoutDefaultLanguage(target.PathAndQuery);
            if (seen.Count < maxUrls && seen.Add(local))
            {
                next.Add((local, from));
            }
        }
    }
}
