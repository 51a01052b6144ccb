using Microsoft.AspNetCore.Mvc;
using Newsroom.Articles.Models;
using Newsroom.Articles.Services;
using Newsroom.Articles.ViewModels;
using Newsroom.ContentManagement;
using Newsroom.DisplayManagement.Services;
using Newsroom.DisplayManagement.Shapes;

namespace Newsroom.Articles.Controllers;

/// <summary>The article page at its current path; old paths answer 301 to it.</summary>
public sealed class ArticleController(ArticleQueries queries, IContentManager contentManager, IContentDisplayManager display) : PublicController
{
    [HttpGet("/{section}/{slug}")]
    public Task<IActionResult> Display(string section, string slug) => ShowAsync($"/{section}/{slug}");

    [HttpGet("/news/{slug}", Order = -1)]
    public Task<IActionResult> News(string slug) => ShowAsync($"/news/{slug}");

    private async Task<IActionResult> ShowAsync(string path)
    {
        var route = await queries.FindRouteAsync(path.ToLowerInvariant(), HttpContext.RequestAborted);
        if (route is null || await queries.FindAsync(route.ContentItemId, HttpContext.RequestAborted) is null)
        {
            return await NotFoundPageAsync();
        }

        if (!route.IsCurrent || route.Path != path)
        {
            var current = await queries.PathAsync(route.ContentItemId, HttpContext.RequestAborted);
            return current is null ? await NotFoundPageAsync() : RedirectPermanent(current);
        }

        // Only the published version: a draft is never shown, whatever the index says.
        var item = await contentManager.GetAsync(route.ContentItemId, VersionOptions.Published, HttpContext.RequestAborted);
        if (item is null || !item.Published)
        {
            return await NotFoundPageAsync();
        }

        var article = item.As<ArticlePart>();
        Head.Title = string.IsNullOrWhiteSpace(article.SeoTitle) ? article.Headline : article.SeoTitle;
        Head.Description = article.SeoDescription ?? article.Dek;
        Head.Canonical = path;
        Head.BodyClass = "page-article";
        return View("~/Views/Article/Display.cshtml", new ArticlePageViewModel { Article = await display.BuildDisplayAsync(item, DisplayTypes.Detail) });
    }
}
