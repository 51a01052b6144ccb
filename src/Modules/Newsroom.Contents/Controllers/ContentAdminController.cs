using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Newsroom.ContentManagement;
using Newsroom.ContentManagement.Metadata;
using Newsroom.ContentManagement.Queries;
using Newsroom.Contents.ContentList;
using Newsroom.Contents.ViewModels;
using Newsroom.Data;
using Newsroom.Users.Filters;
using Newsroom.Users.Permissions;

namespace Newsroom.Contents.Controllers;

/// <summary>The admin content list (<c>/admin/content</c>) and its bulk actions.</summary>
[Admin]
[Authorize]
[AutoValidateAntiforgeryToken]
[Route("admin/content")]
public sealed class ContentAdminController(
    ContentListService list,
    ContentListFilters filters,
    IContentManager contents,
    IContentDefinitionManager definitions,
    IDocumentStore documents,
    NewsroomDbContext db,
    IAuthorizationService authorization) : Controller
{
    public const int PageSize = 20;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] ContentListFilter filter)
    {
        if (!await authorization.AuthorizeAsync(User, StandardPermissions.ViewAdmin))
        {
            return Forbid();
        }

        var cancel = HttpContext.RequestAborted;
        var zone = (await documents.GetAsync<SiteSettings>(cancel)).FindTimeZone();
        filter.Page = Math.Max(filter.Page, 1);
        await filters.ReadExtraAsync(filter, Request.Query, cancel);
        var page = await list.ListAsync(await filters.QueryAsync(filter, zone, PageSize, cancel), cancel);
        var totalPages = Math.Max(1, (int)Math.Ceiling((page.Total ?? 0) / (double)PageSize));
        var types = (await definitions.ListTypeDefinitionsAsync(cancel)).Where(t => t.Settings.Listable).OrderBy(t => t.DisplayName, StringComparer.Ordinal).ToList();
        return View(new ContentListViewModel(
            filter,
            page,
            totalPages,
            types,
            await filters.GetControlsAsync(cancel),
            await filters.GetBadgesAsync(page.Items, zone, cancel),
            zone,
            TempData["Message"] as string));
    }

    /// <summary>
    /// Publishes, unpublishes or deletes the selected items. Every item is checked against the user's
    /// permissions (own/any of its type) before anything changes: one refusal refuses the whole request.
    /// </summary>
    [HttpPost("bulk")]
    public async Task<IActionResult> Bulk([FromForm] string? action, [FromForm] string[] ids, [FromForm] string? returnUrl)
    {
        var contentAction = action switch
        {
            "publish" or "unpublish" => ContentAction.Publish,
            "delete" => ContentAction.Delete,
            _ => (ContentAction?)null,
        };
        if (contentAction is null || ids.Length == 0)
        {
            return BadRequest("Choose an action and at least one item.");
        }

        if (!await authorization.AuthorizeAsync(User, StandardPermissions.ViewAdmin))
        {
            return Forbid();
        }

        var cancel = HttpContext.RequestAborted;
        var items = await contents.GetManyAsync(ids, VersionOptions.Latest, cancel);
        if (items.Count != ids.Distinct(StringComparer.Ordinal).Count())
        {
            return NotFound();
        }

        foreach (var item in items)
        {
            if (!await authorization.AuthorizeAsync(User, contentAction.Value, item))
            {
                return Forbid();
            }
        }

        await db.InTransactionAsync(
            async () =>
            {
                foreach (var item in items)
                {
                    switch (action)
                    {
                        case "publish":
                            await contents.PublishAsync(item, cancel);
                            break;
                        case "unpublish" when item.Published || await contents.GetAsync(item.ContentItemId, VersionOptions.Published, cancel) is not null:
                            await contents.UnpublishAsync(item, cancel);
                            break;
                        case "delete":
                            await contents.RemoveAsync(item, cancel);
                            break;
                    }
                }
            },
            cancel);

        TempData["Message"] = $"{items.Count} item{(items.Count == 1 ? "" : "s")}: {action} done.";
        return LocalRedirect(!string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : "/admin/content");
    }
}
