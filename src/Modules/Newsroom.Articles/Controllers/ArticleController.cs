using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Newsroom.Articles.Models;
using Newsroom.Articles.Services;
using Newsroom.Articles.ViewModels;
using Newsroom.ContentManagement;
using Newsroom.Data;
using Newsroom.DisplayManagement.Services;
using Newsroom.DisplayManagement.Shapes;

namespace Newsroom.Articles.Controllers;

/// <summary>The article page at its current path; old paths answer 301 to it.</summary>
[OutputCache(PolicyName = PublicPageContent.CachePolicyName)]
public sealed class ArticleController(ArticleQueries queries, IContentManager contentManager, IContentDisplayManager display, IDocumentStore documents) : PublicController
{
    private const int MoreCount = 5;

    [HttpGet("/{section}/{slug}")]
    public Task<IActionResult> Display(string section, string slug) => ShowAsync($"/{section}/{slug}");

    [HttpGet("/news/{slug}", Order = -1)]
    public Task<IActionResult> News(string slug) => ShowAsync($"/news/{slug}");

    private async Task<IActionResult> ShowAsync(string path)
    {
        var route = await queries.FindRouteAsync(path.ToLowerInvariant(), HttpContext.RequestAborted);
        if (route is null)
        {
            return await NotFoundPageAsync();
        }

        // A path that had a published article (only publishing gives a route) whose article is now
        // unpublished or deleted is gone, not unknown.
        if (await queries.FindAsync(route.ContentItemId, HttpContext.RequestAborted) is null)
        {
            return await GonePageAsync();
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
            return await GonePageAsync();
        }

        queries.RememberCurrentPath(route); // the drivers link the article to itself
        var article = item.Peek<ArticlePart>() ?? new ArticlePart();
        Head.Title = string.IsNullOrWhiteSpace(article.SeoTitle) ? article.Headline : article.SeoTitle;
        Head.Description = article.SeoDescription ?? article.Dek;
        Head.Canonical = path;
        Head.BodyClass = "page-article";
        Shown.ItemIds.Add(item.ContentItemId);
        if (!string.IsNullOrEmpty(article.Section))
        {
            Shown.Sections.Add(article.Section); // the "More in" rail
        }
        else
        {
            Shown.ListsLatest = true; // the "Latest" rail
        }

        var shape = await display.BuildDisplayAsync(item, DisplayTypes.Detail);
        var more = (await queries.TopAsync(MoreCount + 1, article.Section, HttpContext.RequestAborted))
            .Where(a => a.ContentItemId != item.ContentItemId).Take(MoreCount).ToList();
        var paths = await queries.PathsAsync(more, HttpContext.RequestAborted);
        var section = (await documents.GetAsync<SiteSettings>(HttpContext.RequestAborted)).Sections.FirstOrDefault(s => s.Slug == article.Section);
        return View("~/Views/Article/Display.cshtml", new ArticlePageViewModel
        {
            Article = shape,
            Item = item,
            Path = path,
            IsPublicView = true,
            MoreTitle = section is null ? "Latest" : $"More in {section.Name}",
            More = more.Where(a => paths.ContainsKey(a.ContentItemId)).Select(a => (a, paths[a.ContentItemId])).ToList(),
        });
    }
}
