using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.Contents.Authorization;
using Newsroom.Contents.ContentList;
using Newsroom.Contents.Dashboard;
using Newsroom.Modules;
using Newsroom.Users.Dashboard;
using Newsroom.Users.Navigation;
using Newsroom.Users.Permissions;

namespace Newsroom.Contents;

public sealed class Startup : StartupBase
{
    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddScoped<IAuthorizationHandler, ContentAuthorizationHandler>();
        services.AddScoped<INavigationProvider, AdminMenu>();
        services.AddScoped<ContentListFilters>();
        services.AddScoped<IContentDashboardListProvider, ContentDashboardLists>();
        services.AddSingleton<IDashboardWidget>(new DashboardWidget(ContentDashboardViewComponent.Name, StandardPermissions.ViewAdmin, Position: 10));
    }
}
