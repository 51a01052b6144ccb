using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Newsroom.Data;
using Newsroom.Modules;
using Newsroom.Modules.Shells;
using Newsroom.Users.Filters;
using Newsroom.Users.Permissions;
using Newsroom.Users.ViewModels;

namespace Newsroom.Users.Controllers;

/// <summary>The modules the site can run, and switches to enable or disable them (ManageFeatures).</summary>
[Admin]
[Authorize]
[AutoValidateAntiforgeryToken]
[Route("admin/features")]
public sealed class FeaturesController(
    ModuleCatalog catalog,
    ShellBlueprint blueprint,
    ShellFeatureManager features,
    ShellHost shellHost,
    NewsroomDbContext db,
    IAuthorizationService authorization) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? message)
    {
        if (!await authorization.AuthorizeAsync(User, StandardPermissions.ManageFeatures))
        {
            return Forbid();
        }

        var rows = catalog.Modules
            .Where(m => !m.IsTheme)
            .OrderBy(m => m.Manifest.Category, StringComparer.Ordinal).ThenBy(m => m.Name, StringComparer.Ordinal)
            .Select(m => new FeatureRow(m, blueprint.IsEnabled(m.Id), catalog.Dependents(m.Id).Where(d => blueprint.IsEnabled(d.Id)).Select(d => d.Name).ToList()))
            .ToList();
        return View(new FeaturesViewModel(rows, message));
    }

    [HttpPost("{id}/enable")]
    public Task<IActionResult> Enable(string id) => ChangeAsync(id, enable: true);

    [HttpPost("{id}/disable")]
    public Task<IActionResult> Disable(string id) => ChangeAsync(id, enable: false);

    private async Task<IActionResult> ChangeAsync(string id, bool enable)
    {
        if (!await authorization.AuthorizeAsync(User, StandardPermissions.ManageFeatures))
        {
            return Forbid();
        }

        if (catalog.Find(id) is not { IsTheme: false } module)
        {
            return NotFound();
        }

        if (!enable && module.Manifest.AlwaysEnabled)
        {
            return BadRequest($"{module.Name} cannot be disabled.");
        }

        bool changed;
        try
        {
            changed = await db.InTransactionAsync(() => enable ? features.EnableAsync([id]) : features.DisableAsync([id]));
        }
        catch (InvalidOperationException ex)
        {
            // Refused by the feature manager (e.g. the active theme needs it): say why, change nothing.
            return BadRequest(ex.Message);
        }

        if (changed)
        {
            // After the commit: the new shell is built from what was just stored.
            await shellHost.ReloadAsync(HttpContext.RequestAborted);
        }

        var message = $"{module.Name} {(enable ? "enabled" : "disabled")}.";
        return LocalRedirect("/admin/features?message=" + Uri.EscapeDataString(message));
    }
}
