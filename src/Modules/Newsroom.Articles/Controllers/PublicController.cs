using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.Articles.Services;
using Newsroom.Articles.ViewModels;
using Newsroom.Data;
using Newsroom.DisplayManagement.Layout;

namespace Newsroom.Articles.Controllers;

/// <summary>What every public page controller shares: the helpful 404 page, paging and the page head.</summary>
public abstract class PublicController : Controller
{
    protected PageHead Head => PageHead.For(HttpContext);

    /// <summary>The 404 page with its status: latest articles, sections and a search box.</summary>
    protected Task<IActionResult> NotFoundPageAsync() => MissingPageAsync(StatusCodes.Status404NotFound);

    /// <summary>
    /// The same page with 410 Gone, for the path of an article that is no longer published
    /// (unpublished or deleted), as the Redirects middleware answers when it is enabled.
    /// </summary>
    protected Task<IActionResult> GonePageAsync() => MissingPageAsync(StatusCodes.Status410Gone);

    /// <summary>Records what the page shows, for the output cache's tags.</summary>
    protected PublicPageContent Shown => PublicPageContent.For(HttpContext);

    private async Task<IActionResult> MissingPageAsync(int statusCode)
    {
        var services = HttpContext.RequestServices;
        var queries = services.GetRequiredService<ArticleQueries>();
        var settings = await services.GetRequiredService<IDocumentStore>().GetAsync<SiteSettings>(HttpContext.RequestAborted);
        var latest = await queries.TopAsync(5, cancellationToken: HttpContext.RequestAborted);
        var paths = await queries.PathsAsync(latest, HttpContext.RequestAborted);
        Head.Title = statusCode == StatusCodes.Status410Gone ? "This article has been withdrawn" : "Page not found";
        Head.Robots = "noindex";
        Head.BodyClass = "page-not-found";
        Response.StatusCode = statusCode;
        return View("~/Views/NotFound/Index.cshtml", new NotFoundViewModel
        {
            Latest = latest.Where(a => paths.ContainsKey(a.ContentItemId)).Select(a => (a, paths[a.ContentItemId])).ToList(),
            Sections = settings.Sections,
        });
    }

    /// <summary>Sets rel=prev/next for the layout and returns the pager.</summary>
    protected PagerViewModel Pager<T>(string basePath, Page<T> page)
    {
        var pager = new PagerViewModel(basePath, page.Number, page.PageCount);
        Head.PrevUrl = pager.PreviousUrl;
        Head.NextUrl = pager.NextUrl;
        Head.Canonical = pager.UrlFor(page.Number);
        return pager;
    }

    /// <summary>Page numbers below 1 or beyond the last page are not pages.</summary>
    protected static bool IsValidPage<T>(Page<T> page) => page.Number == 1 || page.Number <= page.PageCount;
}

/// <summary>Answers every path nothing else claimed with the helpful 404 page.</summary>
public sealed class NotFoundController : PublicController
{
    public Task<IActionResult> Index() => NotFoundPageAsync();
}
