using Microsoft.Extensions.DependencyInjection;
using Newsroom.ContentManagement;
using Newsroom.Modules;
using Newsroom.RelatedLinks.Handlers;
using Newsroom.RelatedLinks.Services;

namespace Newsroom.RelatedLinks;

public sealed class Startup : StartupBase
{
    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddContentHandler<RelatedLinkHandler>();
        services.AddScoped<RelatedLinkResolver>();
        services.AddScoped<ArticleAddresses>();
    }
}
