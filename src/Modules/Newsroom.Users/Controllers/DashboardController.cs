using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Newsroom.Users.Dashboard;
using Newsroom.Users.Filters;
using Newsroom.Users.Permissions;
using Newsroom.Users.Services;
using Newsroom.Users.ViewModels;

namespace Newsroom.Users.Controllers;

/// <summary><c>/admin</c>: the setup page while the site has no user, else the dashboard made of the modules' widgets.</summary>
[Admin]
[AutoValidateAntiforgeryToken]
public sealed class DashboardController(UserAccounts accounts, IAuthorizationService authorization, IEnumerable<IDashboardWidget> widgets) : Controller
{
    [HttpGet("admin")]
    [AllowAnonymous]
    public async Task<IActionResult> Index()
    {
        if (!await accounts.AnyAsync(HttpContext.RequestAborted))
        {
            return LocalRedirect("/admin/setup");
        }

        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }

        if (!await authorization.AuthorizeAsync(User, StandardPermissions.ViewAdmin))
        {
            return Forbid();
        }

        var visible = new List<IDashboardWidget>();
        foreach (var widget in widgets.OrderBy(w => w.Position))
        {
            if (await authorization.AuthorizeAsync(User, widget.Permission))
            {
                visible.Add(widget);
            }
        }

        return View(new DashboardViewModel(User.Identity.Name ?? "", visible));
    }
}
