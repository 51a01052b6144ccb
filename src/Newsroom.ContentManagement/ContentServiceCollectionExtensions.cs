using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Newsroom.ContentManagement.Caching;
using Newsroom.ContentManagement.Handlers;
using Newsroom.ContentManagement.Metadata;
using Newsroom.ContentManagement.Queries;

namespace Newsroom.ContentManagement;

public static class ContentServiceCollectionExtensions
{
    public static IServiceCollection AddContentManagement(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.TryAddScoped<IContentActor, HttpContentActor>();
        services.TryAddScoped<IContentDefinitionManager, ContentDefinitionManager>();
        services.TryAddScoped<IContentManager, ContentManager>();
        services.TryAddScoped<ContentListService>();
        services.TryAddSingleton<ContentListTotals>();
        services.AddOptions<PublishedCacheSettings>().BindConfiguration(PublishedCacheSettings.Section);
        services.TryAddSingleton<PublishedCacheStore>();
        services.TryAddScoped<IPublishedCache, PublishedCache>();
        services.AddContentHandler<PublishedStampHandler>();
        services.AddContentHandler<ContentListTotalsHandler>();
        return services;
    }

    /// <summary>Registers a content handler (all handlers run, in registration order).</summary>
    public static IServiceCollection AddContentHandler<THandler>(this IServiceCollection services) where THandler : ContentHandler =>
        services.AddScoped<ContentHandler, THandler>();
}
