using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Newsroom.Articles.Services;
using Newsroom.Articles.ViewModels;
using Newsroom.Data;

namespace Newsroom.Articles.Controllers;

/// <summary>Section pages (<c>/world</c>) and tag pages (<c>/tag/armenia</c>), newest first, paged.</summary>
[OutputCache(PolicyName = PublicPageContent.CachePolicyName)]
public sealed class SectionController(ArticleQueries queries, ArticleSummaries summaries, IDocumentStore documents) : PublicController
{
    [HttpGet("/{section}")]
    public async Task<IActionResult> Index(string section, int page = 1)
    {
        var settings = await documents.GetAsync<SiteSettings>(HttpContext.RequestAborted);
        var known = settings.Sections.FirstOrDefault(s => string.Equals(s.Slug, section, StringComparison.Ordinal));
        if (known is null)
        {
            return await NotFoundPageAsync();
        }

        var articles = await queries.LatestAsync(page, section: known.Slug, cancellationToken: HttpContext.RequestAborted);
        if (!IsValidPage(articles))
        {
            return await NotFoundPageAsync();
        }

        Head.Title = page == 1 ? known.Name : $"{known.Name}, page {page}";
        Head.Description = $"The latest {known.Name} news from {settings.SiteName}.";
        Head.BodyClass = "page-section";
        Shown.Sections.Add(known.Slug);
        return View("~/Views/Section/Index.cshtml", new ArticleListPageViewModel
        {
            Title = known.Name,
            Kicker = "Section",
            Articles = await summaries.BuildAsync(articles.Items),
            Pager = Pager("/" + known.Slug, articles),
        });
    }

    [HttpGet("/tag/{tag}")]
    public async Task<IActionResult> Tag(string tag, int page = 1)
    {
        var name = await queries.TagNameAsync(tag, HttpContext.RequestAborted);
        var articles = await queries.ByTagAsync(tag, page, cancellationToken: HttpContext.RequestAborted);
        if (name is null || !IsValidPage(articles))
        {
            return await NotFoundPageAsync();
        }

        Head.Title = page == 1 ? name : $"{name}, page {page}";
        Head.BodyClass = "page-tag";
        Shown.Tags.Add(tag);
        return View("~/Views/Section/Index.cshtml", new ArticleListPageViewModel
        {
            Title = name,
            Kicker = "Tag",
            Articles = await summaries.BuildAsync(articles.Items),
            Pager = Pager("/tag/" + tag, articles),
        });
    }
}
