using System.Globalization;
using System.Text;
using ClusterAtlas.Search;
using ClusterAtlas.Sources;
using Microsoft.AspNetCore.Diagnostics;

namespace ClusterAtlas.Web.Features.Shared;

/// <summary>The portal's addresses, in one place.</summary>
internal static class PortalLinks
{
    public static string Region(string code) => "/regions/" + Uri.EscapeDataString(code);
    public static string Programme(string code) => "/programmes/" + Uri.EscapeDataString(code);
    public static string Ministry(string code) => "/ministries/" + Uri.EscapeDataString(code);
    public static string Organisation(string code) => "/organisations/" + Uri.EscapeDataString(code);
    public static string Person(string code) => "/people/" + Uri.EscapeDataString(code);
    public static string Event(string code) => "/events/" + Uri.EscapeDataString(code);
    public static string EventCalendar(string code) => "/events/" + Uri.EscapeDataString(code) + ".ics";
    public static string Source(string id) => "/sources/" + Uri.EscapeDataString(id);
    public static string SourceLine(string id, int? line) =>
        Source(id) + (line is { } l ? "#L" + l.ToString(CultureInfo.InvariantCulture) : "");
    public static string Indicator(string code) => "/indicators#ind-" + code;
    public static string IndustrialCluster(string code) => "/industrial-clusters#ic-" + code;
    public static string Survey(string code) => "/indicators#survey-" + code;
    public static string CountryLinks(string? country) =>
        string.IsNullOrWhiteSpace(country) ? "/international" : "/international?country=" + Uri.EscapeDataString(country);

    /// <summary>The page a citation opens: the source line in the portal, or the cited web page.</summary>
    public static string? Citation(CitationDto c) => c.Document is null ? c.Url : SourceLine(c.Document, c.Line);

    /// <summary>A short label for a source document: its number (002 of 002_a517…).</summary>
    public static string ShortSource(string id) => id.Split('_')[0];

    public static string CitingTarget(string kind, string code) => kind switch
    {
        CitingTargets.Region => Region(code),
        CitingTargets.Programme => Programme(code),
        CitingTargets.Ministry => Ministry(code),
        CitingTargets.Organisation => Organisation(code),
        CitingTargets.Person => Person(code),
        CitingTargets.Event => Event(code),
        CitingTargets.IndustrialCluster => IndustrialCluster(code),
        CitingTargets.Indicator => Indicator(code),
        CitingTargets.Survey => Survey(code),
        _ => "/",
    };

    public static string SearchHit(string type, string code, string? regionCode) => type switch
    {
        SearchTypes.Region => Region(code),
        SearchTypes.Project => regionCode is null ? "/regions" : Region(regionCode) + "#participations",
        SearchTypes.Programme => Programme(code),
        SearchTypes.Organisation => Organisation(code),
        SearchTypes.Person => Person(code),
        SearchTypes.Event => Event(code),
        SearchTypes.IndustrialCluster => IndustrialCluster(code),
        SearchTypes.Link => regionCode is null ? "/international" : Region(regionCode) + "#links",
        SearchTypes.Survey => Survey(code),
        _ => "/search",
    };

    /// <summary>The current address with some query values replaced (null removes the key).</summary>
    public static string With(HttpRequest request, params (string Key, string? Value)[] changes)
    {
        var query = request.Query.ToDictionary(q => q.Key, q => q.Value.ToArray(), StringComparer.Ordinal);
        foreach (var (key, value) in changes)
        {
            if (value is null)
            {
                query.Remove(key);
            }
            else
            {
                query[key] = [value];
            }
        }
        return request.Path + Query(query.SelectMany(q => q.Value.Select(v => (q.Key, v))));
    }

    public static string Query(IEnumerable<(string Key, string? Value)> pairs)
    {
        var builder = new StringBuilder();
        foreach (var (key, value) in pairs.Where(p => !string.IsNullOrEmpty(p.Value)))
        {
            builder.Append(builder.Length == 0 ? '?' : '&').Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value!));
        }
        return builder.ToString();
    }

    /// <summary>The page in the other language; on an error page, the address that failed rather than /error/404.</summary>
    public static string LanguageSwitch(HttpContext context, string lang)
    {
        var original = context.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? context.Features.Get<IExceptionHandlerPathFeature>()?.Path;
        if (original is null)
        {
            return With(context.Request, ("lang", lang), ("format", null), ("table", null));
        }
        return original + "?lang=" + lang;
    }
}
