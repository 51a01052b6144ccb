using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Newsroom.Articles.Services;
using Newsroom.Data;
using Newsroom.Redirects.Services;

namespace Newsroom.Redirects.Middleware;

/// <summary>
/// Answers for addresses the site no longer serves:
/// <list type="bullet">
/// <item>a former path of a published article (an <c>ArticleRoutes</c> row with <c>IsCurrent = false</c>) → 301 to its current path;</item>
/// <item>any path of an article that is no longer published → 410 Gone;</item>
/// <item>a manual redirect → 301/302.</item>
/// </list>
/// A page at a fixed address (see <see cref="IsFixedPage"/>) is left alone by both.
/// The current path of a published article is left to the theme. A path no article ever had (a
/// never-published article has none) falls through to the usual 404.
/// </summary>
internal sealed class RedirectMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, ArticleQueries articles, IRedirectService redirects)
    {
        var request = context.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) || !request.Path.HasValue)
        {
            await next(context);
            return;
        }

        // A page at a fixed address is never redirected, so it costs no lookup either: the admin
        // list and the search page ran an article-route query on every request for nothing.
        if (IsFixedPage(context.GetEndpoint()))
        {
            await next(context);
            return;
        }

        var path = RedirectService.NormalizePath(request.Path.Value!);
        if (path.Length <= 300 && !Path.HasExtension(path) && await AnswerArticleRouteAsync(context, articles, path))
        {
            return;
        }

        if (await AnswerManualAsync(context, redirects, path))
        {
            return;
        }

        await next(context);
    }

    private static async Task<bool> AnswerArticleRouteAsync(HttpContext context, ArticleQueries articles, string path)
    {
        // Routes are stored in lower case; the theme redirects other casings of a current path itself.
        // ArticleQueries keeps both answers for the request: the article page asks them again.
        var key = path.ToLowerInvariant();
        var route = await articles.FindRouteAsync(key, context.RequestAborted);
        if (route is null)
        {
            return false;
        }

        var published = await articles.FindAsync(route.ContentItemId, context.RequestAborted) is not null;
        if (!published)
        {
            context.Response.StatusCode = StatusCodes.Status410Gone;
            context.Response.Headers.CacheControl = "public, max-age=60";
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("410 Gone: this article has been withdrawn.", context.RequestAborted);
            return true;
        }

        if (route.IsCurrent)
        {
            return false; // the theme serves it
        }

        var current = await articles.PathAsync(route.ContentItemId, context.RequestAborted);
        if (current is null || current == key)
        {
            return false;
        }

        Redirect(context, current + context.Request.QueryString, permanent: true);
        return true;
    }

    /// <summary>
    /// A page at a fixed address (<c>/search</c>, <c>/robots.txt</c>, <c>/admin/...</c>): never redirected.
    /// Pattern routes (<c>/{section}</c>, <c>/{section}/{slug}</c>) and the not-found fallback answer
    /// for any path, so a manual redirect of such a path wins.
    /// </summary>
    private static bool IsFixedPage(Endpoint? endpoint) =>
        endpoint is RouteEndpoint route && route.Order != int.MaxValue && route.RoutePattern.Parameters.Count == 0;

    private static async Task<bool> AnswerManualAsync(HttpContext context, IRedirectService redirects, string path)
    {
        if (path.Length > 300 || await redirects.FindAsync(path, context.RequestAborted) is not { } redirect)
        {
            return false;
        }

        Redirect(context, redirect.Target, redirect.Permanent);
        return true;
    }

    private static void Redirect(HttpContext context, string location, bool permanent)
    {
        context.Response.Clear();
        context.Response.StatusCode = permanent ? StatusCodes.Status301MovedPermanently : StatusCodes.Status302Found;
        context.Response.Headers.Location = location;
    }
}
