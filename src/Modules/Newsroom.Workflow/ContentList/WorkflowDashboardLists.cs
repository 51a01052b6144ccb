using Newsroom.Contents.Dashboard;
using Newsroom.Contents.ViewModels;

namespace Newsroom.Workflow.ContentList;

/// <summary>The dashboard's "Waiting for review" and "Scheduled" lists (filters of <see cref="WorkflowStatusFilter"/>).</summary>
public sealed class WorkflowDashboardLists : IContentDashboardListProvider
{
    public IEnumerable<ContentDashboardListDefinition> GetLists(string userName) =>
    [
        new("Waiting for review", 30, new ContentListFilter { Status = WorkflowStatusFilter.Review }),
        new("Scheduled", 40, new ContentListFilter { Status = WorkflowStatusFilter.Scheduled }),
    ];
}
