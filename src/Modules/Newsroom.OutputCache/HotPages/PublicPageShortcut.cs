using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Newsroom.Modules.Shells;
using Newsroom.OutputCache.Policies;

namespace Newsroom.OutputCache.HotPages;

/// <summary>
/// Answers a cached public page before the shell creates a request scope: no routing, no
/// authentication, no output cache key or entry deserialisation, just the stored bytes. This is
/// what brings a cached article close to what Kestrel serves from memory (issue 6). Conditional
/// requests other than If-None-Match, HEAD and anything not eligible go through the pipeline,
/// which answers them the same way the output cache always has.
/// </summary>
internal sealed class PublicPageShortcut(HotPageCache cache, HotPageRequests requests) : IShellRequestShortcut
{
    public async ValueTask<bool> TryServeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!requests.Enabled
            || !await requests.IsEligibleAsync(request)
            || request.Headers.ContainsKey(HeaderNames.IfModifiedSince)
            || !cache.TryGet(HotPageRequests.KeyOf(request), out var page))
        {
            return false;
        }

        var response = context.Response;
        var headers = response.Headers;
        foreach (var (name, value) in page.Headers)
        {
            headers[name] = value;
        }

        headers.Age = page.AgeSeconds.ToString(CultureInfo.InvariantCulture);
        headers[PublicPagePolicy.CacheHeader] = "HIT";
        if (IsNotModified(request, page.ETag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            headers.ContentType = default;
            return true;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentLength = page.Body.Length;
        await response.Body.WriteAsync(page.Body, context.RequestAborted);
        return true;
    }

    /// <summary>Weak comparison, as the output cache does for its 304s.</summary>
    private static bool IsNotModified(HttpRequest request, string etag)
    {
        var ifNoneMatch = request.Headers.IfNoneMatch;
        if (ifNoneMatch.Count == 0
            || !EntityTagHeaderValue.TryParse(etag, out var stored)
            || !EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags))
        {
            return false;
        }

        foreach (var tag in tags)
        {
            if (tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(stored, useStrongComparison: false))
            {
                return true;
            }
        }

        return false;
    }
}
