using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Newsroom.Articles.Models;
using Newsroom.Articles.ViewModels;
using Newsroom.ContentManagement;
using Newsroom.Data;
using Newsroom.DisplayManagement.Layout;
using Newsroom.DisplayManagement.Services;
using Newsroom.DisplayManagement.Shapes;
using Newsroom.Users.Filters;
using Newsroom.Users.Permissions;
using Newsroom.Workflow.Services;
using Newsroom.Workflow.ViewModels;

namespace Newsroom.Workflow.Controllers;

/// <summary>Creating and revoking shareable preview links (admin).</summary>
[Admin]
[Authorize]
[AutoValidateAntiforgeryToken]
[Route("admin/content/{contentItemId}")]
public sealed class PreviewLinksController(
    IContentManager contents,
    IAuthorizationService authorization,
    PreviewLinks links,
    NewsroomDbContext db,
    AuditLog audit,
    SiteTime siteTime,
    TimeProvider clock) : Controller
{
    [HttpGet("preview-links")]
    public async Task<IActionResult> Index(string contentItemId)
    {
        var cancel = HttpContext.RequestAborted;
        var loaded = await this.LoadEditableAsync(contents, authorization, contentItemId, VersionOptions.Latest, cancel);
        if (loaded.Item is not { } item)
        {
            return loaded.Refusal!;
        }

        return View(new PreviewLinksViewModel(
            contentItemId,
            item.DisplayText,
            await links.ListAsync(contentItemId, cancel),
            TempData["PreviewUrl"] as string,
            clock.GetUtcNow().UtcDateTime,
            await siteTime.ZoneAsync(cancel)));
    }

    [HttpPost("preview-link")]
    public async Task<IActionResult> Create(string contentItemId)
    {
        var cancel = HttpContext.RequestAborted;
        var loaded = await this.LoadEditableAsync(contents, authorization, contentItemId, VersionOptions.Latest, cancel);
        if (loaded.Item is not { } item)
        {
            return loaded.Refusal!;
        }

        var token = await db.InTransactionAsync(
            async () =>
            {
                var (link, token) = await links.CreateAsync(contentItemId, User.Identity?.Name ?? "", cancellationToken: cancel);
                audit.Add("PreviewLinkCreated", item, $"Link {link.Id}, expires {link.ExpiresUtc:yyyy-MM-dd HH:mm} UTC");
                await db.SaveChangesAsync(cancel);
                return token;
            },
            cancel);
        TempData["PreviewUrl"] = $"{Request.Scheme}://{Request.Host}/preview/{token}";
        return LocalRedirect($"/admin/content/{Uri.EscapeDataString(contentItemId)}/preview-links");
    }

    [HttpPost("preview-link/{linkId}/revoke")]
    public async Task<IActionResult> Revoke(string contentItemId, string linkId)
    {
        var cancel = HttpContext.RequestAborted;
        var loaded = await this.LoadEditableAsync(contents, authorization, contentItemId, VersionOptions.LatestIncludingDeleted, cancel);
        if (loaded.Item is not { } item)
        {
            return loaded.Refusal!;
        }

        var revoked = await db.InTransactionAsync(
            async () =>
            {
                if (!await links.RevokeAsync(contentItemId, linkId, cancel))
                {
                    return false;
                }

                audit.Add("PreviewLinkRevoked", item, $"Link {linkId}");
                await db.SaveChangesAsync(cancel);
                return true;
            },
            cancel);
        return revoked ? LocalRedirect($"/admin/content/{Uri.EscapeDataString(contentItemId)}/preview-links") : NotFound();
    }
}

/// <summary>
/// <c>/preview/{token}</c>: the latest version in the public theme, for anyone holding a live link.
/// Never indexed, never cached; a dead link answers 410.
/// </summary>
[AllowAnonymous]
public sealed class PreviewController(PreviewLinks links, IContentManager contents, IContentDisplayManager display) : Controller
{
    [HttpGet("/preview/{token}")]
    public async Task<IActionResult> Show(string token)
    {
        Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        Response.Headers.CacheControl = "no-store";
        var head = PageHead.For(HttpContext);
        head.Robots = "noindex, nofollow";

        var cancel = HttpContext.RequestAborted;
        var link = await links.ResolveAsync(token, cancel);
        var item = link is null ? null : await contents.GetAsync(link.ContentItemId, VersionOptions.Latest, cancel);
        if (item is null)
        {
            head.Title = "Preview unavailable";
            Response.StatusCode = StatusCodes.Status410Gone;
            return View("Gone");
        }

        var article = item.Get<ArticlePart>(nameof(ArticlePart));
        head.Title = "Preview: " + (article?.Headline ?? item.DisplayText);
        head.BodyClass = "page-article page-preview";
        return View("~/Views/Article/Display.cshtml", new ArticlePageViewModel
        {
            Article = await display.BuildDisplayAsync(item, DisplayTypes.Detail),
            Item = item,
            Path = article is null ? "/" : Newsroom.Articles.Services.ArticleRoutes.PathFor(article),
        });
    }
}
