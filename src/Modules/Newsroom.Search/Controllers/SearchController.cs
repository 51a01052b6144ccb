using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewEngines;
using Newsroom.Data;
using Newsroom.Search.Services;
using Newsroom.Search.ViewModels;

namespace Newsroom.Search.Controllers;

/// <summary>The reader search page, <c>/search?q=...&amp;page=2</c>. Not output-cached (query space is unbounded).</summary>
public sealed class SearchController(ISearchService search, IDocumentStore documents, ICompositeViewEngine views) : Controller
{
    public const string ThemeLayout = "_Layout";
    public const string FallbackLayout = "_SearchLayout";

    [HttpGet("/search")]
    public async Task<IActionResult> Index(string? q, int page = 1)
    {
        var results = await search.SearchAsync(q, page, HttpContext.RequestAborted);
        var settings = await documents.GetAsync<SiteSettings>(HttpContext.RequestAborted);
        // The theme supplies _Layout; until one is active, a plain page of our own.
        ViewData["Layout"] = views.FindView(ControllerContext, ThemeLayout, isMainPage: false).Success ? ThemeLayout : FallbackLayout;
        ViewData["Title"] = string.IsNullOrWhiteSpace(results.Query) ? "Search" : $"Search: {results.Query}";
        Response.Headers.CacheControl = "no-store";
        return View(new SearchPageViewModel { Results = results, SiteName = settings.SiteName });
    }
}
