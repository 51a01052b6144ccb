using Newsroom.Contents.ViewModels;

namespace Newsroom.Contents.Dashboard;

/// <summary>
/// Contributes lists to the dashboard's content block. A list is a content-list filter: the dashboard
/// shows its count and first items and links to <c>/admin/content</c> with the same filter, so the two
/// always agree. Filters that come from a module's index (e.g. <c>Status = "review"</c>) need that
/// module's <see cref="ContentList.IContentListFilterProvider"/>. Register it scoped.
/// </summary>
public interface IContentDashboardListProvider
{
    /// <summary>The lists for the signed-in <paramref name="userName"/>; they are shown by <see cref="ContentDashboardListDefinition.Position"/>.</summary>
    IEnumerable<ContentDashboardListDefinition> GetLists(string userName);
}

public sealed record ContentDashboardListDefinition(string Title, int Position, ContentListFilter Filter);

/// <summary>The Contents module's own lists: my drafts, all drafts, recently published.</summary>
public sealed class ContentDashboardLists : IContentDashboardListProvider
{
    public IEnumerable<ContentDashboardListDefinition> GetLists(string userName) =>
    [
        new("My drafts", 10, new ContentListFilter { Status = "draft", Owner = userName }),
        new("All drafts", 20, new ContentListFilter { Status = "draft" }),
        new("Recently published", 50, new ContentListFilter { Status = "published", Sort = "published" }),
    ];
}
