using Microsoft.AspNetCore.Mvc;
using Newsroom.Contents.ViewModels;
using Newsroom.ContentManagement;
using Newsroom.ContentManagement.Queries;
using Newsroom.Contents.Scheduling;
using Newsroom.Data;

namespace Newsroom.Contents.Dashboard;

/// <summary>
/// The dashboard's content block: my drafts, every draft, recently published, each with its count.
/// and the items waiting for a scheduled publish. "Waiting for review" joins when the workflow stores it.
/// </summary>
public sealed class ContentDashboardViewComponent(ContentListService list, ContentScheduler scheduler, IContentManager contents, IDocumentStore documents) : ViewComponent
{
    public const string Name = "ContentDashboard";

    private const int Size = 5;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var me = HttpContext.User.Identity?.Name ?? "";
        var cancel = HttpContext.RequestAborted;
        var lists = new List<ContentDashboardList>
        {
            new("My drafts", $"/admin/content?status=draft&owner={Uri.EscapeDataString(me)}",
                await list.ListAsync(new ContentListQuery { Status = ContentStatus.Draft, Owner = me, PageSize = Size }, cancel)),
            new("All drafts", "/admin/content?status=draft",
                await list.ListAsync(new ContentListQuery { Status = ContentStatus.Draft, PageSize = Size }, cancel)),
            new("Recently published", "/admin/content?status=published&sort=published",
                await list.ListAsync(new ContentListQuery { Status = ContentStatus.Published, Sort = ContentSort.PublishedDescending, PageSize = Size }, cancel)),
        };
        var (scheduledCount, next) = await scheduler.UpcomingPublishesAsync(Size, cancel);
        var items = (await contents.GetManyAsync(next.Select(s => s.ContentItemId), VersionOptions.Latest, cancel))
            .ToDictionary(i => i.ContentItemId, StringComparer.Ordinal);
        var scheduled = next
            .Where(s => items.ContainsKey(s.ContentItemId))
            .Select(s => new ScheduledEntry(items[s.ContentItemId].DisplayText ?? s.ContentItemId, items[s.ContentItemId].ContentType, s.DueUtc))
            .ToList();
        var settings = await documents.GetAsync<SiteSettings>(cancel);
        return View(new ContentDashboardViewModel(lists, scheduledCount, scheduled, settings.FindTimeZone()));
    }
}
