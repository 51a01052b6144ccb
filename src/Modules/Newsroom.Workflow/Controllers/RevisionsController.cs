using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Newsroom.ContentManagement;
using Newsroom.Data;
using Newsroom.Users.Filters;
using Newsroom.Users.Permissions;
using Newsroom.Workflow.Models;
using Newsroom.Workflow.Services;
using Newsroom.Workflow.ViewModels;

namespace Newsroom.Workflow.Controllers;

/// <summary>Every version of an item, a diff between any two, and "restore as new draft".</summary>
[Admin]
[Authorize]
[AutoValidateAntiforgeryToken]
[Route("admin/content/{contentItemId}/revisions")]
public sealed class RevisionsController(
    IContentManager contents,
    IAuthorizationService authorization,
    NewsroomDbContext db,
    AuditLog audit,
    WorkflowContext workflowContext,
    SiteTime siteTime) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string contentItemId, [FromQuery] int? from, [FromQuery] int? to)
    {
        var cancel = HttpContext.RequestAborted;
        var loaded = await this.LoadEditableAsync(contents, authorization, contentItemId, VersionOptions.LatestIncludingDeleted, cancel);
        if (loaded.Item is not { } latest)
        {
            return loaded.Refusal!;
        }

        var versions = await contents.ListVersionsAsync(contentItemId, cancel);
        var rows = versions.Select(v => new RevisionRow(
                v.Number,
                v.ContentItemVersionId,
                v.Author,
                v.ModifiedUtc,
                v.Get<EditorialPart>(nameof(EditorialPart))?.LastChangeKind,
                v.Published,
                v.PublishedUtc is not null,
                v.Latest))
            .OrderByDescending(r => r.Number)
            .ToList();

        // By default: what the latest version changed.
        var toNumber = to ?? latest.Number;
        var fromNumber = from ?? Math.Max(1, toNumber - 1);
        var older = versions.FirstOrDefault(v => v.Number == fromNumber);
        var newer = versions.FirstOrDefault(v => v.Number == toNumber);
        var diff = older is not null && newer is not null ? RevisionDiff.Compare(older, newer) : [];
        return View(new RevisionsViewModel(contentItemId, latest.DisplayText, rows, older?.Number, newer?.Number, diff, await siteTime.ZoneAsync(cancel), TempData["Message"] as string));
    }

    /// <summary>Makes an old version's content the new draft; the live version is not touched.</summary>
    [HttpPost("{versionId}/restore")]
    public async Task<IActionResult> Restore(string contentItemId, string versionId)
    {
        var cancel = HttpContext.RequestAborted;
        var loaded = await this.LoadEditableAsync(contents, authorization, contentItemId, VersionOptions.Latest, cancel);
        if (loaded.Item is not { } latest)
        {
            return loaded.Refusal!;
        }

        var version = await contents.GetVersionAsync(versionId, cancel);
        if (version is null || version.ContentItemId != contentItemId)
        {
            return NotFound();
        }

        ContentItem restored;
        try
        {
            workflowContext.RestoringVersion = true;
            restored = await db.InTransactionAsync(
                async () =>
                {
                    var draft = await contents.RestoreVersionAsync(latest, versionId, cancel);
                    audit.Add("RestoreVersion", draft, $"Version {version.Number} restored as version {draft.Number}");
                    await db.SaveChangesAsync(cancel);
                    return draft;
                },
                cancel);
        }
        catch (ContentValidationException ex)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("WorkflowProblem", new ProblemViewModel("The version could not be restored", ex.Errors.Select(e => $"{e.Field}: {e.Message}").ToList(), $"/admin/content/{contentItemId}/revisions"));
        }
        finally
        {
            workflowContext.RestoringVersion = false;
        }

        TempData["Message"] = $"Version {version.Number} is now the draft (version {restored.Number}).";
        return LocalRedirect($"/admin/content/{Uri.EscapeDataString(contentItemId)}/revisions");
    }
}
