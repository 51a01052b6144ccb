using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Newsroom.Users.Filters;
using Newsroom.Users.ViewModels;

namespace Newsroom.Users.Controllers;

/// <summary>Sign-in, sign-out and password change.</summary>
[Admin]
[AutoValidateAntiforgeryToken]
public sealed class AccountController(
    SignInManager<IdentityUser> signIn,
    UserManager<IdentityUser> users,
    IPasswordHasher<IdentityUser> hasher) : Controller
{
    /// <summary>One message for every failure, so the page never tells whether a user name exists.</summary>
    public const string FailureMessage = "The user name or password is wrong, or the account is locked. Try again later.";

    // Checked against when the user is unknown, so both failures take the same time.
    private static readonly string s_dummyHash = new PasswordHasher<IdentityUser>().HashPassword(new IdentityUser(), Guid.NewGuid().ToString());

    [HttpGet("login")]
    [AllowAnonymous]
    public IActionResult Login(string? returnUrl) => View(new LoginViewModel { ReturnUrl = returnUrl });

    [HttpPost("login")]
    [AllowAnonymous]
    public async Task<IActionResult> Login(LoginViewModel model)
    {
        if (!ModelState.IsValid)
        {
            return View(model);
        }

        if (await users.FindByNameAsync(model.UserName) is null)
        {
            hasher.VerifyHashedPassword(new IdentityUser(), s_dummyHash, model.Password);
        }

        var result = await signIn.PasswordSignInAsync(model.UserName, model.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(SafeReturnUrl(model.ReturnUrl));
        }

        ModelState.AddModelError("", FailureMessage);
        model.Password = "";
        return View(model);
    }

    /// <summary>Ends this session and every other copy of its cookie (the security stamp changes).</summary>
    [HttpPost("logout")]
    [Authorize]
    public async Task<IActionResult> Logout()
    {
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
        return LocalRedirect(Users.Startup.LoginPath);
    }

    [HttpGet("account/password")]
    [Authorize]
    public IActionResult Password() => View(new ChangePasswordViewModel());

    /// <summary>Changes the password; other sessions end, this one gets a fresh cookie.</summary>
    [HttpPost("account/password")]
    [Authorize]
    public async Task<IActionResult> Password(ChangePasswordViewModel model)
    {
        if (!ModelState.IsValid)
        {
            return View(model);
        }

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var result = await users.ChangePasswordAsync(user, model.CurrentPassword, model.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError("", error.Description);
            }

            return View(new ChangePasswordViewModel());
        }

        await signIn.RefreshSignInAsync(user);
        return View(new ChangePasswordViewModel { Changed = true });
    }

    /// <summary>Only a path on this site; anything else (absolute, protocol-relative, backslash tricks) goes to the admin.</summary>
    private string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : "/admin";
}
