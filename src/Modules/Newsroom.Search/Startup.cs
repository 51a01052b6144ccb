using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.ContentManagement;
using Newsroom.Modules;
using Newsroom.Search.Handlers;
using Newsroom.Search.Services;

namespace Newsroom.Search;

public sealed class Startup : StartupBase
{
    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddScoped<ISearchService, SearchService>();
        services.AddContentHandler<SearchIndexHandler>();
    }

    // Attribute-routed controllers; MapControllers is idempotent if another module maps them too.
    public override void Configure(IApplicationBuilder app, IEndpointRouteBuilder routes, IServiceProvider services) =>
        routes.MapControllers();
}
