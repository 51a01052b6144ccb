using Newsroom.Users.Navigation;
using Newsroom.Users.Permissions;
using Newsroom.Workflow.Permissions;

namespace Newsroom.Workflow;

/// <summary>The workflow's admin menu entries (each shown only to users holding its permission).</summary>
public sealed class AdminMenu : INavigationProvider
{
    public void Build(NavigationBuilder menu) =>
        menu.Add("Review", "/admin/review", WorkflowPermissions.ReviewArticles, position: 11)
            .Add("Scheduled", "/admin/scheduled", StandardPermissions.ViewAdmin, position: 12)
            .Add("Audit log", "/admin/audit", WorkflowPermissions.ViewAuditLog, position: 90);
}
