using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Newsroom.OutputCache.Policies;

namespace Newsroom.OutputCache.HotPages;

/// <summary>
/// Which requests <see cref="HotPageCache"/> stores and answers: anonymous GETs that the public-page
/// policy would cache, carrying neither an Authorization header nor the sign-in cookie. A request
/// with the cookie always takes the full pipeline, where the policy authenticates it (an expired
/// cookie then still gets the output-cached page, just not through the shortcut).
/// </summary>
public sealed class HotPageRequests
{
    private readonly IServiceProvider _services;
    private string? _signInCookie;
    private bool _anyCookieSignsIn;
    private bool _resolved;

    public HotPageRequests(IServiceProvider services, IOptions<OutputCacheSettings> options, IConfiguration configuration)
    {
        _services = services;
        var settings = options.Value;
        Enabled = settings.Enabled && settings.HotPagesMegabytes > 0 && string.IsNullOrEmpty(configuration[Startup.RedisConfigurationKey]);
    }

    /// <summary>Off with output caching off, with no budget, or with Redis (a publish on another node must reach every node's pages).</summary>
    public bool Enabled { get; }

    /// <summary>Host, path and query as sent: any other spelling misses and goes through the pipeline.</summary>
    public static string KeyOf(HttpRequest request) =>
        string.Concat(request.Host.Value, request.PathBase.Value, request.Path.Value, request.QueryString.Value);

    public async ValueTask<bool> IsEligibleAsync(HttpRequest request)
    {
        if (!Enabled || !HttpMethods.IsGet(request.Method) || !PublicPagePolicy.IsCacheableRequest(request))
        {
            return false;
        }

        if (!Volatile.Read(ref _resolved))
        {
            await ResolveSignInCookieAsync();
        }

        if (_anyCookieSignsIn)
        {
            return !request.Headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.Cookie);
        }

        // Chunked cookies are named <name>C1, C2... after a <name> cookie, so the name alone decides.
        return _signInCookie is null || !request.Cookies.ContainsKey(_signInCookie);
    }

    /// <summary>
    /// The cookie of the default authentication scheme (the one the policy authenticates with).
    /// A scheme that is not a cookie (or cannot be read) makes every request with a cookie ineligible.
    /// </summary>
    private async Task ResolveSignInCookieAsync()
    {
        var schemes = _services.GetService<IAuthenticationSchemeProvider>();
        var scheme = schemes is null ? null : await schemes.GetDefaultAuthenticateSchemeAsync();
        if (scheme is null)
        {
            _signInCookie = null;
        }
        else if (typeof(CookieAuthenticationHandler).IsAssignableFrom(scheme.HandlerType)
                 && _services.GetService<IOptionsMonitor<CookieAuthenticationOptions>>()?.Get(scheme.Name).Cookie.Name is { Length: > 0 } name)
        {
            _signInCookie = name;
        }
        else
        {
            _anyCookieSignsIn = true;
        }

        Volatile.Write(ref _resolved, true);
    }
}
