using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Newsroom.ContentManagement;
using Newsroom.Contents.ContentList;
using Newsroom.Contents.Dashboard;
using Newsroom.DisplayManagement;
using Newsroom.Modules;
using Newsroom.Users.Navigation;
using Newsroom.Workflow.ContentList;
using Newsroom.Workflow.Drivers;
using Newsroom.Workflow.Handlers;
using Newsroom.Workflow.Services;

namespace Newsroom.Workflow;

public sealed class Startup : StartupBase
{
    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddScoped<AuditLog>();
        services.AddScoped<WorkflowContext>();
        services.AddScoped<EditorialWorkflow>();
        services.AddScoped<IEditorialWorkflow>(sp => sp.GetRequiredService<EditorialWorkflow>());
        services.AddScoped<SiteTime>();
        services.AddScoped<PreviewLinks>();
        services.AddContentHandler<WorkflowIndexHandler>();
        services.AddContentHandler<AuditHandler>();
        services.AddContentDisplayDriver<EditorialPartDisplayDriver>();
        services.AddScoped<INavigationProvider, AdminMenu>();
        services.AddScoped<IContentListFilterProvider, WorkflowStatusFilter>();
        services.AddScoped<IContentListBadgeProvider, WorkflowBadges>();
        services.AddScoped<IContentDashboardListProvider, WorkflowDashboardLists>();

        // The shell starts and stops its hosted services: the publisher lives and dies with the feature.
        services.AddSingleton<ScheduledPublisher>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<ScheduledPublisher>());
    }
}
