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
        headers.CacheControl = "no-store";
    }
}
