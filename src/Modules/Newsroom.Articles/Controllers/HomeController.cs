using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Newsroom.Articles.Services;
using Newsroom.Articles.ViewModels;
using Newsroom.Data;

namespace Newsroom.Articles.Controllers;

/// <summary>The front page: the lead story, the latest articles and a block per section; later pages list older articles.</summary>
[OutputCache(PolicyName = PublicPageContent.CachePolicyName)]
public sealed class HomeController(ArticleQueries queries, ArticleSummaries summaries, IDocumentStore documents) : PublicController
{
    private const int SectionBlockSize = 3;

    // The lead story and two rows of four.
    private const int PageSize = 9;

    [HttpGet("/")]
    public async Task<IActionResult> Index(int page = 1)
    {
        var cancellationToken = HttpContext.RequestAborted;
        var settings = await documents.GetAsync<SiteSettings>(cancellationToken);
        var latest = await queries.LatestAsync(page, PageSize, cancellationToken: cancellationToken);
        if (!IsValidPage(latest))
        {
            return await NotFoundPageAsync();
        }

        Head.Title = page == 1 ? null : $"Latest news, page {page}";
        Head.Description = $"{settings.SiteName}: the latest news.";
        Head.BodyClass = "page-home";
        Shown.ListsLatest = true;
        var pager = Pager("/", latest);
        var shapes = await summaries.BuildAsync(latest.Items);
        if (page > 1)
        {
            return View("~/Views/Home/Index.cshtml", new HomePageViewModel { Latest = shapes, Pager = pager });
        }

        var sections = new List<SectionBlockViewModel>();
        foreach (var section in settings.Sections)
        {
            var rows = await queries.TopAsync(SectionBlockSize, section.Slug, cancellationToken);
            Shown.Sections.Add(section.Slug);
            if (rows.Count > 0)
            {
                sections.Add(new SectionBlockViewModel { Section = section, Articles = await summaries.BuildAsync(rows) });
            }
        }

        return View("~/Views/Home/Index.cshtml", new HomePageViewModel
        {
            Lead = shapes.Count > 0 ? shapes[0] : null,
            Latest = shapes.Skip(1).ToList(),
            Sections = sections,
            Pager = pager,
        });
    }
}
