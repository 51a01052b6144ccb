using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.Modules;
using Newsroom.Seo.Metadata;
using Newsroom.Seo.Services;
using Newsroom.Seo.Sitemaps;

namespace Newsroom.Seo;

public sealed class Startup : StartupBase
{
    public const string XmlContentType = "application/xml; charset=utf-8";

    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddOptions<SeoSettings>().BindConfiguration(SeoSettings.Section);
        services.AddScoped<ISiteUrls, SiteUrls>();
        services.AddScoped<SitemapService>();
        services.AddScoped<ISeoMetadataBuilder, SeoMetadataBuilder>();
    }

    public override void Configure(IApplicationBuilder app, IEndpointRouteBuilder routes, IServiceProvider services)
    {
        routes.MapGet("/sitemap.xml", async (HttpContext http, SitemapService sitemaps) =>
            Results.Text(await sitemaps.IndexAsync(http.RequestAborted), XmlContentType));

        routes.MapGet("/sitemaps/articles-{number:int}.xml", async (int number, HttpContext http, SitemapService sitemaps) =>
            await sitemaps.PageAsync(number, http.RequestAborted) is { } xml ? Results.Text(xml, XmlContentType) : Results.NotFound());

        routes.MapGet("/sitemaps/news.xml", async (HttpContext http, SitemapService sitemaps) =>
            Results.Text(await sitemaps.NewsAsync(http.RequestAborted), XmlContentType));

        routes.MapGet("/robots.txt", async (HttpContext http, SitemapService sitemaps) =>
            Results.Text(await sitemaps.RobotsAsync(http.RequestAborted), "text/plain; charset=utf-8"));
    }
}
