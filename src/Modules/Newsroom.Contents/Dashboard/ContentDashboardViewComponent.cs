using Microsoft.AspNetCore.Mvc;
using Newsroom.ContentManagement.Queries;
using Newsroom.Contents.ContentList;
using Newsroom.Contents.ViewModels;
using Newsroom.Data;

namespace Newsroom.Contents.Dashboard;

/// <summary>
/// The dashboard's content block: every <see cref="IContentDashboardListProvider"/>'s lists (my drafts,
/// all drafts, waiting for review, scheduled, recently published, ...), each with its count, its first
/// items and a link to the content list with the same filter.
/// </summary>
public sealed class ContentDashboardViewComponent(
    ContentListService list,
    ContentListFilters filters,
    IEnumerable<IContentDashboardListProvider> providers,
    IDocumentStore documents) : ViewComponent
{
    public const string Name = "ContentDashboard";

    private const int Size = 5;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var me = HttpContext.User.Identity?.Name ?? "";
        var cancel = HttpContext.RequestAborted;
        var zone = (await documents.GetAsync<SiteSettings>(cancel)).FindTimeZone();
        var lists = new List<ContentDashboardList>();
        foreach (var definition in providers.SelectMany(p => p.GetLists(me)).OrderBy(d => d.Position))
        {
            var page = await list.ListAsync(await filters.QueryAsync(definition.Filter, zone, Size, cancel), cancel);
            lists.Add(new ContentDashboardList(definition.Title, definition.Filter.Url(1), page, await filters.GetBadgesAsync(page.Items, zone, cancel)));
        }

        return View(new ContentDashboardViewModel(lists, zone));
    }
}
