using ClusterAtlas.Data;
using ClusterAtlas.Web.Features.Api;
using ClusterAtlas.Web.Features.Shared;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
var database = AtlasServices.ReadDatabaseOptions(builder.Configuration, Path.Combine(builder.Environment.ContentRootPath, "App_Data"));
builder.Services.AddAtlas(database);
builder.Services.AddAtlasQueries();
builder.Services.AddProblemDetails();
builder.Services.AddRazorPages(o => o.RootDirectory = "/Features");
builder.Services.AddPortal();
builder.Services.AddRegistryCaching(builder.Configuration);
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

app.UsePortalErrorPages();
app.UseOutputCache();
app.WarmRegistryCaches();
app.MapOpenApi("/openapi/{documentName}.json");
app.MapScalarApiReference();
app.MapHealthChecks("/health");
// A trivial endpoint: the baseline the benchmark compares the registry's endpoints with (bench/run.sh).
app.MapGet("/ping", () => "pong").ExcludeFromDescription();
app.MapSourceFiles();
app.UseStaticFiles();
app.MapRazorPages();
app.MapPortal();
app.MapRegistryApi();
app.MapQualityApi();
app.Run();
