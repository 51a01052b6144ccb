using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.Articles.Models;
using Newsroom.Bylines.Models;
using Newsroom.ContentManagement;
using Newsroom.Modules;
using Newsroom.OutputCache;

namespace Newsroom.Reach.Tests.Support;

/// <summary>TEST ONLY: a page cached the way theme pages are asked to be.</summary>
public sealed class TestStartup : StartupBase
{
    public override void Configure(IApplicationBuilder app, IEndpointRouteBuilder routes, IServiceProvider services)
    {
        // A stand-in for the theme's article page: shows the headline and the bylines' names and
        // tags itself the way the theme's controllers are asked to.
        routes.MapGet("/test-page/{id}", async (string id, HttpContext http, IContentManager contents) =>
        {
            var article = await contents.GetAsync(id, VersionOptions.Published);
            if (article is null)
            {
                return Results.NotFound();
            }

            var bylineIds = article.As<BylinesPart>().BylineIds;
            var bylines = await contents.GetManyAsync(bylineIds, VersionOptions.Published);
            http.TagPublicPage(PublicPageCache.Item(id));
            http.TagPublicPage(bylineIds.Select(PublicPageCache.Byline));
            var names = string.Join(", ", bylines.Select(b => b.As<BylinePart>().Name));
            // A new render id each time the page really runs: a cache hit repeats the old one.
            var render = Guid.NewGuid().ToString("N");
            var headline = System.Net.WebUtility.HtmlEncode(article.As<ArticlePart>().Headline);
            return Results.Text(
                $"<h1>{headline}</h1><p>By {System.Net.WebUtility.HtmlEncode(names)}</p><p data-render=\"{render}\"></p>",
                "text/html; charset=utf-8");
        }).CacheOutput(PublicPageCache.PolicyName);
    }
}
