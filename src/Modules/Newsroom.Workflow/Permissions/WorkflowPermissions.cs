using Newsroom.Users.Permissions;

namespace Newsroom.Workflow.Permissions;

public static class WorkflowPermissions
{
    /// <summary>Only administrators hold it (they hold every permission); no other role is given it.</summary>
    public static readonly Permission ViewAuditLog = new(nameof(ViewAuditLog), "Read the audit log");

    /// <summary>Who may review and publish articles: the "publish any article" permission.</summary>
    public static Permission ReviewArticles => ContentTypePermissions.Any(ContentAction.Publish, "Article");
}
