using Microsoft.Extensions.DependencyInjection;
using Newsroom.Articles.ContentList;
using Newsroom.Articles.Handlers;
using Newsroom.Articles.Services;
using Newsroom.ContentManagement;
using Newsroom.Contents.ContentList;
using Newsroom.Modules;

namespace Newsroom.Articles;

public sealed class Startup : StartupBase
{
    public override void ConfigureServices(IServiceCollection services)
    {
        // Validation first (it normalises what the index handler stores).
        services.AddContentHandler<ArticlePartHandler>();
        services.AddContentHandler<ArticleIndexHandler>();
        services.AddContentHandler<ArticleLatestIndexHandler>();
        services.AddScoped<IContentListFilterProvider, SectionFilter>();
        services.AddScoped<ImportIndexReads>();
    }
}
