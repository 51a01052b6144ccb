using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Newsroom.Users.Filters;
using Newsroom.Users.Services;
using Newsroom.Users.ViewModels;

namespace Newsroom.Users.Controllers;

/// <summary>
/// The one-time page that creates the first administrator when none was configured. Once any user
/// exists it answers 404, whoever asks.
/// </summary>
[Admin]
[AutoValidateAntiforgeryToken]
[AllowAnonymous]
[Route("admin/setup")]
public sealed class SetupController(UserAccounts accounts, SignInManager<IdentityUser> signIn, UserManager<IdentityUser> users) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index() =>
        await accounts.AnyAsync(HttpContext.RequestAborted) ? NotFound() : View(new NewUserViewModel());

    [HttpPost("")]
    public async Task<IActionResult> Index(NewUserViewModel model)
    {
        if (await accounts.AnyAsync(HttpContext.RequestAborted))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return View(model);
        }

        IdentityResult? result;
        try
        {
            result = await accounts.CreateFirstAdministratorAsync(model.UserName.Trim(), model.Email.Trim(), model.Password, HttpContext.RequestAborted);
        }
        catch (IdentityOperationException ex)
        {
            foreach (var error in ex.Result.Errors)
            {
                ModelState.AddModelError("", error.Description);
            }

            model.Password = "";
            return View(model);
        }

        if (result is null)
        {
            return NotFound(); // someone else finished setup first
        }

        await signIn.SignInAsync((await users.FindByNameAsync(model.UserName.Trim()))!, isPersistent: false);
        return LocalRedirect("/admin");
    }
}
