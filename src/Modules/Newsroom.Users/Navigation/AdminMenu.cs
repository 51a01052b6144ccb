using Newsroom.Users.Permissions;

namespace Newsroom.Users.Navigation;

/// <summary>This module's admin menu entries.</summary>
public sealed class AdminMenu : INavigationProvider
{
    public void Build(NavigationBuilder menu) => menu
        .Add("Dashboard", "/admin", StandardPermissions.ViewAdmin, position: 0)
        .Add("Users", "/admin/users", StandardPermissions.ManageUsers, position: 900)
        .Add("Features", "/admin/features", StandardPermissions.ManageFeatures, position: 950)
        .Add("Password", "/account/password", StandardPermissions.ViewAdmin, position: 990);
}
