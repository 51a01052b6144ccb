using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.Feeds.Services;
using Newsroom.Modules;
using Newsroom.OutputCache;

namespace Newsroom.Feeds;

public sealed class Startup : StartupBase
{
    public const string RssContentType = "application/rss+xml; charset=utf-8";
    public const string AtomContentType = "application/atom+xml; charset=utf-8";

    public override void ConfigureServices(IServiceCollection services) => services.AddScoped<FeedService>();

    public override void Configure(IApplicationBuilder app, IEndpointRouteBuilder routes, IServiceProvider services)
    {
        // Literal "feed" segments take precedence over the theme's /{section}/{slug} route.
        Map(routes, "/feed", FeedScope.Site, null);
        Map(routes, "/{section}/feed", FeedScope.Section, "section");
        Map(routes, "/tag/{slug}/feed", FeedScope.Tag, "slug");
        Map(routes, "/author/{slug}/feed", FeedScope.Byline, "slug");
    }

    private static void Map(IEndpointRouteBuilder routes, string pattern, FeedScope scope, string? key)
    {
        routes.MapGet(pattern, (HttpContext http, FeedService feeds) => ServeAsync(http, feeds, scope, key, atom: false))
            .CacheOutput(PublicPageCache.PolicyName);
        routes.MapGet(pattern + "/atom", (HttpContext http, FeedService feeds) => ServeAsync(http, feeds, scope, key, atom: true))
            .CacheOutput(PublicPageCache.PolicyName);
    }

    private static async Task<IResult> ServeAsync(HttpContext http, FeedService feeds, FeedScope scope, string? key, bool atom)
    {
        var value = key is null ? null : http.Request.RouteValues[key] as string;
        var built = await feeds.BuildAsync(scope, value, atom, http.RequestAborted);
        if (built is null)
        {
            return Results.NotFound();
        }

        http.TagPublicPage(PublicPageCache.Feeds);
        http.TagPublicPage(built.ArticleIds.Select(PublicPageCache.Item));
        if (built.BylineId is not null)
        {
            http.TagPublicPage(PublicPageCache.Byline(built.BylineId), PublicPageCache.BylineList(built.BylineId));
        }

        return Results.Bytes(FeedService.Write(built.Feed, atom), atom ? AtomContentType : RssContentType);
    }
}
