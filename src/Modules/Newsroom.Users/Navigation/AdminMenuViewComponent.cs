using Microsoft.AspNetCore.Mvc;

namespace Newsroom.Users.Navigation;

/// <summary>Renders the admin menu; the admin theme's layout invokes it as "AdminMenu".</summary>
public sealed class AdminMenuViewComponent(AdminMenuService menu) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View(await menu.BuildAsync(HttpContext.User));
}
