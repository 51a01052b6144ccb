using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Newsroom.Data;
using Newsroom.Users.Filters;
using Newsroom.Users.Permissions;
using Newsroom.Users.Services;
using Newsroom.Users.ViewModels;

namespace Newsroom.Users.Controllers;

/// <summary>User management for holders of ManageUsers: list, create with a role, change roles, disable.</summary>
[Admin]
[Authorize]
[AutoValidateAntiforgeryToken]
[Route("admin/users")]
public sealed class UsersAdminController(
    UserManager<IdentityUser> users,
    RoleManager<IdentityRole> roles,
    UserAccounts accounts,
    NewsroomDbContext db,
    IAuthorizationService authorization) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        if (!await authorization.AuthorizeAsync(User, StandardPermissions.ManageUsers))
        {
            return Forbid();
        }

        var all = await db.Set<IdentityUser>().AsNoTracking().OrderBy(u => u.NormalizedUserName).ToListAsync(HttpContext.RequestAborted);
        var memberships = await db.Set<IdentityUserRole<string>>().AsNoTracking()
            .Join(db.Set<IdentityRole>(), ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(HttpContext.RequestAborted);
        var me = users.GetUserId(User);
        var rows = all.ConvertAll(u => new UserRow(
            u.Id,
            u.UserName ?? "",
            u.Email,
            memberships.Where(m => m.UserId == u.Id).Select(m => m.Name ?? "").Order(StringComparer.Ordinal).ToList(),
            UserAccounts.IsDisabled(u),
            u.Id == me));
        return View(new UsersIndexViewModel(rows, await RoleNamesAsync()));
    }

    [HttpGet("new")]
    public async Task<IActionResult> Create()
    {
        if (!await authorization.AuthorizeAsync(User, StandardPermissions.ManageUsers))
        {
            return Forbid();
        }

        ViewBag.Roles = await RoleNamesAsync();
        return View(new NewUserViewModel { Role = StandardRoles.Author });
    }

    [HttpPost("new")]
    public async Task<IActionResult> Create(NewUserViewModel model)
    {
        if (!await authorization.AuthorizeAsync(User, StandardPermissions.ManageUsers))
        {
            return Forbid();
        }

        var roleNames = await RoleNamesAsync();
        if (!roleNames.Contains(model.Role, StringComparer.Ordinal))
        {
            ModelState.AddModelError(nameof(model.Role), "Choose one of the roles.");
        }

        if (ModelState.IsValid)
        {
            try
            {
                await accounts.CreateAsync(model.UserName.Trim(), model.Email.Trim(), model.Password, model.Role, HttpContext.RequestAborted);
                return LocalRedirect("/admin/users");
            }
            catch (IdentityOperationException ex)
            {
                foreach (var error in ex.Result.Errors)
                {
                    ModelState.AddModelError("", error.Description);
                }
            }
        }

        ViewBag.Roles = roleNames;
        model.Password = "";
        return View(model);
    }

    /// <summary>Replaces the user's roles with the posted ones.</summary>
    [HttpPost("{id}/roles")]
    public async Task<IActionResult> Roles(string id, [FromForm] string[] roles)
    {
        if (!await authorization.AuthorizeAsync(User, StandardPermissions.ManageUsers))
        {
            return Forbid();
        }

        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        var known = await RoleNamesAsync();
        var wanted = roles.Where(r => known.Contains(r, StringComparer.Ordinal)).ToHashSet(StringComparer.Ordinal);
        if (user.Id == users.GetUserId(User) && !wanted.Contains(StandardRoles.Administrator))
        {
            return BadRequest("You cannot remove your own Administrator role.");
        }

        await db.InTransactionAsync(async () =>
        {
            var current = await users.GetRolesAsync(user);
            Check(await users.RemoveFromRolesAsync(user, current.Where(r => !wanted.Contains(r))));
            Check(await users.AddToRolesAsync(user, wanted.Where(r => !current.Contains(r))));
        });
        return LocalRedirect("/admin/users");
    }

    [HttpPost("{id}/disable")]
    public Task<IActionResult> Disable(string id) => SetDisabledAsync(id, true);

    [HttpPost("{id}/enable")]
    public Task<IActionResult> Enable(string id) => SetDisabledAsync(id, false);

    private async Task<IActionResult> SetDisabledAsync(string id, bool disabled)
    {
        if (!await authorization.AuthorizeAsync(User, StandardPermissions.ManageUsers))
        {
            return Forbid();
        }

        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        if (disabled && user.Id == users.GetUserId(User))
        {
            return BadRequest("You cannot disable yourself.");
        }

        await accounts.SetDisabledAsync(user, disabled);
        return LocalRedirect("/admin/users");
    }

    /// <summary>The roles, standard ones first in their usual order.</summary>
    private async Task<List<string>> RoleNamesAsync()
    {
        var names = await roles.Roles.AsNoTracking().Select(r => r.Name!).ToListAsync(HttpContext.RequestAborted);
        return names
            .OrderBy(r => StandardRoles.All.Contains(r) ? StandardRoles.All.ToList().IndexOf(r) : int.MaxValue)
            .ThenBy(r => r, StringComparer.Ordinal)
            .ToList();
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new IdentityOperationException(result);
        }
    }
}
