using Microsoft.AspNetCore.Mvc.Filters;

namespace Newsroom.Users.Filters;

/// <summary>
/// Marks an admin controller: its pages are never indexed nor cached (they show drafts and user
/// data). Put it with <c>[AutoValidateAntiforgeryToken]</c> on every admin controller.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class AdminAttribute : ActionFilterAttribute
{
    public override void OnActionExecuting(ActionExecutingContext context)
    {
        var headers = context.HttpContext.Response.Headers;
        headers["X-Robots-Tag"] = "noindex, nofollow";
        // "no-cache, no-store" is what antiforgery writes on every page with a form; any other value
        // made it log a warning on each admin page view (6,000 lines in one 30-second load of the list).
        headers.CacheControl = "no-cache, no-store";
    }
}
