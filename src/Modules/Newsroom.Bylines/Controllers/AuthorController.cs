using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Newsroom.Articles.Controllers;
using Newsroom.Articles.Services;
using Newsroom.Bylines.Models;
using Newsroom.Bylines.Services;
using Newsroom.Bylines.ViewModels;
using Newsroom.ContentManagement;

namespace Newsroom.Bylines.Controllers;

/// <summary>The author page of a byline: who they are and what they wrote, paged.</summary>
[OutputCache(PolicyName = PublicPageContent.CachePolicyName)]
public sealed class AuthorController(BylineQueries queries, ArticleSummaries summaries, IContentManager contentManager) : PublicController
{
    [HttpGet("/author/{slug}")]
    public async Task<IActionResult> Index(string slug, int page = 1)
    {
        var byline = await queries.FindBySlugAsync(slug, HttpContext.RequestAborted);
        var item = byline is null ? null : await contentManager.GetAsync(byline.ContentItemId, VersionOptions.Published, HttpContext.RequestAborted);
        if (byline is null || item is null || !item.Published)
        {
            return await NotFoundPageAsync();
        }

        var articles = await queries.ArticlesAsync(byline.ContentItemId, page, cancellationToken: HttpContext.RequestAborted);
        if (!IsValidPage(articles))
        {
            return await NotFoundPageAsync();
        }

        var part = item.Peek<BylinePart>() ?? new BylinePart();
        Head.Title = page == 1 ? part.Name : $"{part.Name}, page {page}";
        Head.Description = part.Bio;
        Head.BodyClass = "page-author";
        Shown.BylineIds.Add(byline.ContentItemId);
        Shown.BylineListIds.Add(byline.ContentItemId);
        return View("~/Views/Author/Index.cshtml", new AuthorPageViewModel
        {
            Name = part.Name,
            Role = part.Role,
            Bio = part.Bio,
            PhotoSrc = part.PhotoSrc,
            Links = part.Links.Where(l => Uri.TryCreate(l.Url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp)).ToList(),
            Articles = await summaries.BuildAsync(articles.Items),
            Pager = Pager("/author/" + byline.Slug, articles),
        });
    }
}
