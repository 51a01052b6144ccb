using Newsroom.Users.Navigation;
using Newsroom.Users.Permissions;

namespace Newsroom.Contents;

/// <summary>The Contents module's admin menu entry.</summary>
public sealed class AdminMenu : INavigationProvider
{
    public void Build(NavigationBuilder menu) =>
        menu.Add("Content", "/admin/content", StandardPermissions.ViewAdmin, position: 10);
}
