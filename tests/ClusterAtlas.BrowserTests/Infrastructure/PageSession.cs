using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace ClusterAtlas.BrowserTests.Infrastructure;

/// <summary>A page in its own browser context, with the script errors, console errors and dialogs it produced.</summary>
public sealed class PageSession : IAsyncDisposable
{
    private readonly IBrowserContext context;
    private readonly ConcurrentQueue<string> errors = new();

    public PageSession(IBrowserContext context, IPage page)
    {
        this.context = context;
        Page = page;
        page.PageError += (_, message) => errors.Enqueue("page error: " + message);
        page.Console += (_, message) =>
        {
            // Failed requests are reported below with their URL; the console line has none.
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                errors.Enqueue("console error: " + message.Text);
            }
        };
        page.Response += (_, response) =>
        {
            // The browser's own favicon probe is not the page's doing.
            if (response.Status >= 400 && !response.Url.EndsWith("/favicon.ico", StringComparison.Ordinal))
            {
                errors.Enqueue($"HTTP {response.Status}: {response.Request.Method} {response.Url}");
            }
        };
        page.Dialog += (_, dialog) =>
        {
            errors.Enqueue("dialog: " + dialog.Message);
            _ = dialog.DismissAsync();
        };
    }

    public IPage Page { get; }

    /// <summary>Script errors, console errors (CSP violations are reported there) and dialogs, in order.</summary>
    public IReadOnlyList<string> Errors => [.. errors];

    public ValueTask DisposeAsync() => new(context.CloseAsync());
}
