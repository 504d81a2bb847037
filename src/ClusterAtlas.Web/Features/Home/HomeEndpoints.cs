using System.Net;
using ClusterAtlas.Seeding;

namespace ClusterAtlas.Web.Features.Home;

internal static class HomeEndpoints
{
    /// <summary>The source documents as plain text at /sources/{id}.txt, so provenance links resolve.</summary>
    public static void MapSourceFiles(this IEndpointRouteBuilder app) =>
        app.MapGet("/sources/{id}.txt", IResult (string id, IConfiguration config) =>
        {
            var folder = Path.Combine(DatasetReader.Locate(config["Dataset:Path"]), "sources");
            var safe = Path.GetFileName(id);
            var path = Path.Combine(folder, safe + ".txt");
            return safe == id && File.Exists(path)
                ? TypedResults.PhysicalFile(path, "text/plain; charset=utf-8")
                : TypedResults.Problem(statusCode: 404, title: $"No source '{id}'");
        }).ExcludeFromDescription();

    /// <summary>A plain start page until the portal lands: what is here and where the API lives.</summary>
    public static void MapHome(this IEndpointRouteBuilder app) =>
        app.MapGet("/", () => TypedResults.Content($"""
            <!doctype html><html lang="ja"><head><meta charset="utf-8"><title>ClusterAtlas 地域科学技術クラスター・アトラス</title></head>
            <body><h1>ClusterAtlas 地域科学技術クラスター・アトラス</h1>
            <p>日本の地域科学技術クラスター施策（知的クラスター創成事業、都市エリア産学官連携促進事業、地域イノベーション戦略支援プログラム、産業クラスター計画ほか）のレジストリ。すべての数値に出典（資料・行・原文）が付きます。</p>
            <p>A registry of Japan's regional science &amp; technology cluster programmes; every figure carries its source line.</p>
            <ul><li><a href="/scalar/v1">API reference</a> · <a href="/openapi/v1.json">OpenAPI</a></li>
            <li><a href="/api/v1/regions">/api/v1/regions</a> · <a href="/api/v1/measures">/api/v1/measures</a> · <a href="/api/v1/search?q={WebUtility.UrlEncode("創薬")}">/api/v1/search?q=創薬</a></li>
            <li><a href="/api/v1/sources">/api/v1/sources</a></li></ul></body></html>
            """, "text/html; charset=utf-8")).ExcludeFromDescription();
}
