using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Newsroom.ContentManagement;
using Newsroom.Data;
using Newsroom.Users.Filters;
using Newsroom.Users.Permissions;
using Newsroom.Workflow.Indexes;
using Newsroom.Workflow.Models;
using Newsroom.Workflow.Permissions;
using Newsroom.Workflow.Services;
using Newsroom.Workflow.ViewModels;

namespace Newsroom.Workflow.Controllers;

/// <summary>
/// Workflow buttons that need no editor fields (<c>POST /admin/workflow/{id}/{action}</c>), the
/// review queue and the scheduled list. Every action is checked by <see cref="IEditorialWorkflow"/>.
/// </summary>
[Admin]
[Authorize]
[AutoValidateAntiforgeryToken]
public sealed class WorkflowAdminController(
    IEditorialWorkflow workflow,
    IContentManager contents,
    NewsroomDbContext db,
    SiteTime siteTime,
    IAuthorizationService authorization) : Controller
{
    private const int ListSize = 200;

    [HttpPost("/admin/workflow/{contentItemId}/{transition}")]
    public async Task<IActionResult> Apply(
        string contentItemId,
        string transition,
        [FromForm] string? note,
        [FromForm] ChangeKind changeKind,
        [FromForm] string? publishAt,
        [FromForm] string? unpublishAt,
        [FromForm] string? stamp,
        [FromForm] string? returnUrl)
    {
        if (!Enum.TryParse<WorkflowAction>(transition.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var workflowAction)
            || int.TryParse(transition, out _))
        {
            return NotFound();
        }

        var cancel = HttpContext.RequestAborted;
        var item = await contents.GetAsync(contentItemId, VersionOptions.LatestIncludingDeleted, cancel);
        if (item is null)
        {
            return NotFound();
        }

        // The form may carry the stamp of the version it was shown: a change since then is refused.
        if (!string.IsNullOrEmpty(stamp))
        {
            item.ConcurrencyStamp = stamp;
        }

        var back = returnUrl is { Length: > 0 } && Url.IsLocalUrl(returnUrl) ? returnUrl : "/admin/content";
        var (publishUtc, publishError) = await siteTime.ToUtcAsync(publishAt, cancel);
        var (unpublishUtc, unpublishError) = await siteTime.ToUtcAsync(unpublishAt, cancel);
        if ((publishError ?? unpublishError) is { } timeError)
        {
            return Problem400([timeError], back);
        }

        WorkflowResult result;
        try
        {
            result = await workflow.ApplyAsync(item, workflowAction, new WorkflowInput(note, changeKind, publishUtc, unpublishUtc), User, cancel);
        }
        catch (ContentConcurrencyException ex)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View("WorkflowProblem", new ProblemViewModel("Changed by someone else", [ex.Message], back));
        }
        catch (ContentValidationException ex)
        {
            return Problem400(ex.Errors.Select(e => $"{e.Field}: {e.Message}").ToList(), back);
        }

        if (result.Forbidden)
        {
            return Forbid();
        }

        if (!result.Succeeded)
        {
            return Problem400([result.Error ?? "The action could not be done."], back);
        }

        TempData["Message"] = $"{workflowAction}: done for \"{item.DisplayText}\".";
        return LocalRedirect(back);
    }

    [HttpGet("/admin/review")]
    public async Task<IActionResult> Review()
    {
        if (!await authorization.AuthorizeAsync(User, WorkflowPermissions.ReviewArticles))
        {
            return Forbid();
        }

        var items = await db.Set<WorkflowIndex>().AsNoTracking()
            .Where(w => w.Status == EditorialStatus.InReview)
            .OrderBy(w => w.ModifiedUtc).Take(ListSize)
            .ToListAsync(HttpContext.RequestAborted);
        return View("List", new WorkflowListViewModel("Waiting for review", items, await siteTime.ZoneAsync(HttpContext.RequestAborted), CanPublish: true, TempData["Message"] as string));
    }

    [HttpGet("/admin/scheduled")]
    public async Task<IActionResult> Scheduled()
    {
        if (!await authorization.AuthorizeAsync(User, StandardPermissions.ViewAdmin))
        {
            return Forbid();
        }

        var items = await db.Set<WorkflowIndex>().AsNoTracking()
            .Where(w => w.ScheduledPublishUtc != null || w.ScheduledUnpublishUtc != null)
            .OrderBy(w => w.ScheduledPublishUtc ?? w.ScheduledUnpublishUtc).Take(ListSize)
            .ToListAsync(HttpContext.RequestAborted);
        var canPublish = await authorization.AuthorizeAsync(User, WorkflowPermissions.ReviewArticles);
        return View("List", new WorkflowListViewModel("Scheduled", items, await siteTime.ZoneAsync(HttpContext.RequestAborted), canPublish, TempData["Message"] as string));
    }

    private ViewResult Problem400(IReadOnlyList<string> messages, string back)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("WorkflowProblem", new ProblemViewModel("The action was not done", messages, back));
    }
}
