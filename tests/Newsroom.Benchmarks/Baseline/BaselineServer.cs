using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace Newsroom.Benchmarks.Baseline;

/// <summary>
/// The physical limit to compare against: a minimal Kestrel app serving the article's HTML from
/// memory (<c>/memory</c>) and as a static file (<c>/static/article.html</c>, UseStaticFiles). It runs
/// in the harness process, which only waits on wrk while it is measured; the project uses server GC like the site.
/// </summary>
public sealed class BaselineServer : IAsyncDisposable
{
    public const string MemoryPath = "/memory";
    public const string StaticPath = "/static/article.html";

    private readonly WebApplication _app;

    private BaselineServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>Methods compiled so far in this process, which the baseline shares with the harness.</summary>
    public static long? CompiledMethods() => System.Runtime.JitInfo.GetCompiledMethodCount();

    public static async Task<BaselineServer> StartAsync(byte[] html, string staticFolder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(staticFolder);
        await File.WriteAllBytesAsync(Path.Combine(staticFolder, "article.html"), html, cancellationToken);
        var port = Load.SiteProcess.FreePort();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Path.GetFullPath(staticFolder)), RequestPath = "/static" });
        app.MapGet(MemoryPath, (HttpContext context) =>
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.ContentLength = html.Length;
            return context.Response.Body.WriteAsync(html, context.RequestAborted).AsTask();
        });
        await app.StartAsync(cancellationToken);
        return new BaselineServer(app, new Uri($"http://127.0.0.1:{port}/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
