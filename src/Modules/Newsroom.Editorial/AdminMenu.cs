using Newsroom.Users.Navigation;
using Newsroom.Users.Permissions;

namespace Newsroom.Editorial;

/// <summary>The editor's admin menu entries.</summary>
public sealed class AdminMenu : INavigationProvider
{
    public void Build(NavigationBuilder menu) => menu
        .Add("New article", "/admin/articles/new", ContentTypePermissions.Own(ContentAction.Edit, "Article"), position: 20)
        .Add("Bylines", "/admin/bylines", StandardPermissions.ManageBylines, position: 30)
        .Add("Related links", "/admin/related-links", ContentTypePermissions.Own(ContentAction.Edit, "RelatedLink"), position: 35)
        .Add("Media", "/admin/media", StandardPermissions.UploadMedia, position: 40)
        .Add("Ad slots", "/admin/ad-slots", StandardPermissions.ManageAdSlots, position: 50);
}
