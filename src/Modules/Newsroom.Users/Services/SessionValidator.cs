using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Newsroom.Users.Services;

/// <summary>
/// Checks the sign-in cookie against the database on every request: the user must exist, not be
/// disabled, and carry the current security stamp. Sign-out, password change and disabling change the
/// stamp, so a copy of an old cookie replayed afterwards is refused at once (Identity's own validator
/// only checks after an interval).
/// </summary>
public sealed class SessionValidator(UserManager<IdentityUser> users, IOptions<IdentityOptions> options)
{
    public static Task ValidateAsync(CookieValidatePrincipalContext context) =>
        context.HttpContext.RequestServices.GetService(typeof(SessionValidator)) is SessionValidator validator
            ? validator.ValidateCoreAsync(context)
            : Task.CompletedTask;

    private async Task ValidateCoreAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var stamp = principal?.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
        var user = principal is null ? null : await users.GetUserAsync(principal);
        if (user is null
            || stamp is null
            || UserAccounts.IsDisabled(user)
            || !string.Equals(stamp, user.SecurityStamp, StringComparison.Ordinal))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }
}
