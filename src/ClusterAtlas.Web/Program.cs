using ClusterAtlas.Data;
using ClusterAtlas.Web.Features.Accounts;
using ClusterAtlas.Web.Features.Api;
using ClusterAtlas.Web.Features.Data;
using ClusterAtlas.Web.Features.Events;
using ClusterAtlas.Web.Features.Shared;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
var database = AtlasServices.ReadDatabaseOptions(builder.Configuration, Path.Combine(builder.Environment.ContentRootPath, "App_Data"));
builder.Services.AddAtlas(database);
builder.Services.AddAtlasQueries();
builder.Services.AddProblemDetails();
builder.Services.AddRazorPages(o =>
{
    o.RootDirectory = "/Features";
    PageAccess.Configure(o.Conventions);
});
builder.Services.AddAtlasAuth(builder.Configuration);
builder.Services.AddPortal();
builder.Services.AddRegistryCaching(builder.Configuration);
builder.Services.AddPortalCompression(builder.Configuration);
builder.Services.AddOpenApi("v1", o => o.AddDocumentTransformer((doc, _, _) =>
{
    doc.Info.Title = "ClusterAtlas API";
    doc.Info.Description = "Registry of Japan's regional science & technology cluster programmes. Every fact carries its citations.";
    return Task.CompletedTask;
}));
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Encoder =
    System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All));
builder.Services.AddHealthChecks().AddDbContextCheck<AtlasDbContext>();

var app = builder.Build();
await DatabaseStartup.PrepareAsync(app.Services, app.Configuration, app.Logger, app.Lifetime.ApplicationStopping);

app.UseAtlasSecurityHeaders();
app.UsePortalErrorPages();
app.UseStaticFiles();
app.UseRouting();
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();
// After authentication: the output cache never serves or stores answers for signed-in users (their pages differ).
app.UseOutputCache();
// Inside the output cache: cached answers are stored compressed (one entry per Accept-Encoding).
app.UsePortalCompression();
app.UseAsOfViews();
app.WarmRegistryCaches();

// Every endpoint states who may call it: the public site and read API here, staff endpoints in their own groups.
var publicSite = app.MapGroup("").AllowAnonymous();
var publicApi = publicSite.MapGroup("").RequireRateLimiting(AuthSetup.ApiLimit);
publicSite.MapOpenApi("/openapi/{documentName}.json");
publicSite.MapScalarApiReference();
publicSite.MapHealthChecks("/health");
// A trivial endpoint: the baseline the benchmark compares the registry's endpoints with (bench/run.sh).
publicSite.MapGet("/ping", () => "pong").ExcludeFromDescription();
publicSite.MapSourceFiles();
publicSite.MapCalendarFeeds();
publicSite.MapDataDownloads();
publicApi.MapRegistryApi();
publicApi.MapQualityApi();
app.MapRazorPages();
app.MapEditingApi();
app.MapAccountApi();
app.Run();
