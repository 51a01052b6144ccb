using Microsoft.Extensions.DependencyInjection;
using Newsroom.Bylines.ContentList;
using Newsroom.Bylines.Handlers;
using Newsroom.ContentManagement;
using Newsroom.Contents.ContentList;
using Newsroom.Modules;

namespace Newsroom.Bylines;

public sealed class Startup : StartupBase
{
    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddContentHandler<BylinePartHandler>();
        services.AddContentHandler<BylinesPartHandler>();
        services.AddContentHandler<ArticleLatestBylinesHandler>();
        services.AddScoped<IContentListFilterProvider, BylineFilter>();
    }
}
