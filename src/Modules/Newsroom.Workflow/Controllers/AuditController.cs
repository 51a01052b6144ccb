using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Newsroom.Data;
using Newsroom.Users.Filters;
using Newsroom.Users.Permissions;
using Newsroom.Workflow.Indexes;
using Newsroom.Workflow.Permissions;
using Newsroom.Workflow.Services;
using Newsroom.Workflow.ViewModels;

namespace Newsroom.Workflow.Controllers;

/// <summary><c>/admin/audit</c>: the audit log, for administrators; filterable and paged, newest first.</summary>
[Admin]
[Authorize]
[AutoValidateAntiforgeryToken]
public sealed class AuditController(NewsroomDbContext db, IAuthorizationService authorization, SiteTime siteTime) : Controller
{
    public const int PageSize = 50;

    [HttpGet("/admin/audit")]
    public async Task<IActionResult> Index(
        [FromQuery] string? user,
        [FromQuery(Name = "action")] string? actionName,
        [FromQuery] string? item,
        [FromQuery] DateOnly? from,
        [FromQuery] DateOnly? to,
        [FromQuery] int page = 1)
    {
        if (!await authorization.AuthorizeAsync(User, WorkflowPermissions.ViewAuditLog))
        {
            return Forbid();
        }

        var cancel = HttpContext.RequestAborted;
        var zone = await siteTime.ZoneAsync(cancel);
        var filter = new AuditFilter(Trim(user), Trim(actionName), Trim(item), from, to, Math.Max(1, page));
        var query = db.Set<AuditEntry>().AsNoTracking();
        if (filter.User is { } u)
        {
            query = query.Where(e => e.UserName == u);
        }

        if (filter.Action is { } a)
        {
            query = query.Where(e => e.Action == a);
        }

        if (filter.Item is { } i)
        {
            query = query.Where(e => e.ContentItemId == i);
        }

        // Days are the site's days: "from 27 Nov" starts at midnight in the site's zone.
        if (from is { } f)
        {
            var start = TimeZoneInfo.ConvertTimeToUtc(f.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), zone);
            query = query.Where(e => e.AtUtc >= start);
        }

        if (to is { } t)
        {
            var end = TimeZoneInfo.ConvertTimeToUtc(t.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), zone);
            query = query.Where(e => e.AtUtc < end);
        }

        var total = await query.CountAsync(cancel);
        var entries = await query.OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id)
            .Skip((filter.Page - 1) * PageSize).Take(PageSize)
            .ToListAsync(cancel);
        var actions = await db.Set<AuditEntry>().AsNoTracking().Select(e => e.Action).Distinct().OrderBy(x => x).ToListAsync(cancel);
        var pages = Math.Max(1, (int)Math.Ceiling(total / (double)PageSize));
        return View(new AuditViewModel(filter, entries, total, pages, actions, zone));
    }

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
