using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Newsroom.OutputCache.Policies;

/// <summary>
/// The <c>public-page</c> policy: anonymous GET/HEAD requests of public pages are cached on the
/// server (until a publish evicts their tags) and may be kept by CDNs for <c>MaxAgeSeconds</c>.
/// Signed-in users, previews, admin paths and anything but a plain 200 are never cached.
/// </summary>
internal sealed class PublicPagePolicy(IOptions<OutputCacheSettings> options) : IOutputCachePolicy
{
    public const string CacheHeader = "X-Cache";

    async ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var settings = options.Value;
        var http = context.HttpContext;
        var cacheable = settings.Enabled && IsCacheableRequest(http.Request) && !await IsSignedInAsync(http);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = TimeSpan.FromSeconds(settings.ServerDurationSeconds);
        context.CacheVaryByRules.QueryKeys = "*";
        context.Tags.Add(PublicPageCache.AllPages);
        if (cacheable)
        {
            AddCacheHeaders(http.Response, settings);
        }
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        // The stored headers say MISS (they were captured on the miss); say HIT when replaying them.
        var response = context.HttpContext.Response;
        response.OnStarting(() =>
        {
            response.Headers[CacheHeader] = "HIT";
            return Task.CompletedTask;
        });
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        // Runs after the endpoint, when the response may have started: decide, never touch headers.
        if (!IsStorable(context.HttpContext))
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// The headers of a cacheable response are set before the endpoint runs, so the output cache
    /// stores them with the entry: a new weak ETag per entry (replays carry it, and the output cache
    /// answers a matching If-None-Match with 304; an eviction makes the next entry a new tag),
    /// Cache-Control for CDNs, and X-Cache. If the response turns out not storable (not a 200, a
    /// cookie, a preview) they are taken back before it is sent.
    /// </summary>
    private static void AddCacheHeaders(HttpResponse response, OutputCacheSettings settings)
    {
        var headers = response.Headers;
        headers.ETag = new EntityTagHeaderValue("\"" + Guid.NewGuid().ToString("N") + "\"", isWeak: true).ToString();
        headers.CacheControl = $"public, max-age={settings.MaxAgeSeconds}";
        headers[CacheHeader] = "MISS";
        response.OnStarting(() =>
        {
            // A 304 from the cache keeps its validators.
            if (response.StatusCode != StatusCodes.Status304NotModified && !IsStorable(response.HttpContext))
            {
                headers.Remove(HeaderNames.ETag);
                headers.Remove(CacheHeader);
                headers.CacheControl = "no-cache";
            }

            return Task.CompletedTask;
        });
    }

    internal static bool IsStorable(HttpContext http) =>
        http.Response.StatusCode == StatusCodes.Status200OK
        && StringValues.IsNullOrEmpty(http.Response.Headers.SetCookie)
        && !http.Items.ContainsKey(PublicPageCache.NoStoreKey);

    internal static bool IsCacheableRequest(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        && !request.Headers.ContainsKey(HeaderNames.Authorization)
        && !request.Query.ContainsKey("preview")
        && !request.Path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The authentication middleware may run after this one (module order), so authenticate here
    /// rather than trusting <see cref="HttpContext.User"/> to be filled already.
    /// </summary>
    private static async Task<bool> IsSignedInAsync(HttpContext http)
    {
        if (http.User.Identity?.IsAuthenticated == true)
        {
            return true;
        }

        var schemes = http.RequestServices.GetService<IAuthenticationSchemeProvider>();
        if (schemes is null || await schemes.GetDefaultAuthenticateSchemeAsync() is null)
        {
            return false;
        }

        var result = await http.AuthenticateAsync();
        return result.Succeeded && result.Principal?.Identity?.IsAuthenticated == true;
    }
}
