using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewEngines;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.Articles.Indexes;
using Newsroom.Articles.Services;
using Newsroom.Articles.ViewModels;
using Newsroom.Benchmarks.Corpus;
using Newsroom.ContentManagement;
using Newsroom.Data;
using Newsroom.DisplayManagement.Services;
using Newsroom.DisplayManagement.Shapes;

namespace Newsroom.Benchmarks.Micro;

/// <summary>
/// The two hot paths of an uncached article page after the article is loaded, on a 200-article
/// SQLite corpus imported through the site: building the article's display shape through the
/// display manager (every driver, placement), and rendering the theme's article page view (with its
/// layout, slots and view components) to a string. Each call runs in a fresh shell scope with a
/// request context, as a request does. The article is loaded once in setup, so neither benchmark
/// measures the content load (ContentStoreBenchmarks does); the render builds its own shape first,
/// as the controller does, so render alone ≈ RenderArticlePage − BuildArticleDisplay.
/// </summary>
[MemoryDiagnoser]
public class DisplayBenchmarks
{
    private const string ArticlePageView = "~/Views/Article/Display.cshtml";

    private MicroCorpus? _corpus;
    private ContentItem _article = null!;
    private string _path = "";

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        _corpus = await MicroCorpus.CreateAsync(new CorpusOptions { Articles = 200, Bylines = 20 });
        var corpus = _corpus.Manifest;
        await using var scope = _corpus.Site.CreateShellScope();
        var content = scope.ServiceProvider.GetRequiredService<IContentManager>();
        _article = await content.GetAsync(corpus.SampleArticleId, VersionOptions.Published)
            ?? throw new InvalidOperationException($"The sample article {corpus.SampleArticleId} is not published.");
        _path = corpus.SampleArticleRoute ?? throw new InvalidOperationException("The sample article has no route.");
        var latest = await scope.ServiceProvider.GetRequiredService<ArticleQueries>().LatestAsync(1, HomeSummaries);
        _summaries = [.. await content.GetManyAsync(latest.Items.Select(a => a.ContentItemId).ToList(), VersionOptions.Published)];
    }

    /// <summary>About what the home page shows: nine latest and three per section.</summary>
    private const int HomeSummaries = 24;

    private ContentItem[] _summaries = [];

    [Benchmark(Description = "IContentDisplayManager.BuildDisplayAsync (24 articles, Summary, as on the home page)")]
    public async Task<int> BuildSummaryDisplays()
    {
        await using var scope = _corpus!.Site.CreateShellScope();
        var http = Request(scope.ServiceProvider);
        var display = scope.ServiceProvider.GetRequiredService<IContentDisplayManager>();
        var zones = 0;
        foreach (var item in _summaries)
        {
            zones += (await display.BuildDisplayAsync(item, DisplayTypes.Summary)).Zones.Count;
        }

        return zones + http.Response.StatusCode;
    }

    [Benchmark(Description = "IContentDisplayManager.BuildDisplayAsync (article, Detail)")]
    public async Task<int> BuildArticleDisplay()
    {
        await using var scope = _corpus!.Site.CreateShellScope();
        var http = Request(scope.ServiceProvider);
        var shape = await scope.ServiceProvider.GetRequiredService<IContentDisplayManager>().BuildDisplayAsync(_article, DisplayTypes.Detail);
        return shape.GetHashCode() + http.Response.StatusCode;
    }

    [Benchmark(Description = "Article page view rendered to a string (shape build + Display.cshtml + layout)")]
    public async Task<int> RenderArticlePage()
    {
        await using var scope = _corpus!.Site.CreateShellScope();
        var services = scope.ServiceProvider;
        var http = Request(services);
        var shape = await services.GetRequiredService<IContentDisplayManager>().BuildDisplayAsync(_article, DisplayTypes.Detail);
        var more = (await services.GetRequiredService<ArticleQueries>().LatestAsync(1, 6)).Items
            .Where(a => a.ContentItemId != _article.ContentItemId).Take(5).ToList();
        var model = new ArticlePageViewModel
        {
            Article = shape,
            Item = _article,
            Path = _path,
            MoreTitle = "Latest",
            More = more.Select(a => (a, "/" + a.Slug)).ToList<(ArticleIndex, string)>(),
        };

        var actionContext = new ActionContext(http, new RouteData(), new ActionDescriptor());
        var view = services.GetRequiredService<ICompositeViewEngine>().GetView(executingFilePath: null, ArticlePageView, isMainPage: true);
        if (!view.Success)
        {
            throw new InvalidOperationException($"{ArticlePageView} not found: {string.Join(", ", view.SearchedLocations)}");
        }

        await using var writer = new StringWriter();
        var viewData = new ViewDataDictionary<ArticlePageViewModel>(new EmptyModelMetadataProvider(), new ModelStateDictionary()) { Model = model };
        var tempData = new TempDataDictionary(http, services.GetRequiredService<ITempDataProvider>());
        await view.View.RenderAsync(new ViewContext(actionContext, view.View, viewData, tempData, writer, new HtmlHelperOptions()));
        return writer.GetStringBuilder().Length;
    }

    /// <summary>A GET of the article's path in this scope, visible to services that read the current request.</summary>
    private HttpContext Request(IServiceProvider services)
    {
        var http = new DefaultHttpContext { RequestServices = services };
        http.Request.Method = HttpMethods.Get;
        http.Request.Scheme = "http";
        http.Request.Host = new HostString("127.0.0.1");
        http.Request.Path = _path;
        if (services.GetService<IHttpContextAccessor>() is { } accessor)
        {
            accessor.HttpContext = http;
        }

        return http;
    }

    [GlobalCleanup]
    public void Cleanup() => _corpus?.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
