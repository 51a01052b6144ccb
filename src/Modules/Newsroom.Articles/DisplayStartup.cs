using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.Articles.Drivers;
using Newsroom.Articles.Services;
using Newsroom.DisplayManagement;
using Newsroom.Modules;

namespace Newsroom.Articles;

/// <summary>The public side of articles: drivers, page queries, and the not-found fallback.</summary>
public sealed class DisplayStartup : StartupBase
{
    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddScoped<ArticleQueries>();
        services.AddScoped<ArticleSummaries>();
        services.AddContentDisplayDriver<ArticlePartDisplayDriver>();
        services.AddContentDisplayDriver<LeadImagePartDisplayDriver>();
        services.AddContentDisplayDriver<BodyPartDisplayDriver>();
        services.AddScoped<IBodyBlockDisplayDriver, CoreBlockDisplayDriver>();
    }

    public override void Configure(IApplicationBuilder app, IEndpointRouteBuilder routes, IServiceProvider services) =>
        // Paths nothing else claimed get the helpful 404 page (file-like paths keep a bare 404).
        routes.MapFallbackToController("Index", "NotFound");
}
