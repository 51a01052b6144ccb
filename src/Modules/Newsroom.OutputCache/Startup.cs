using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Newsroom.ContentManagement;
using Newsroom.Modules;
using Newsroom.Modules.Shells;
using Newsroom.OutputCache.Handlers;
using Newsroom.OutputCache.HotPages;
using Newsroom.OutputCache.Policies;
using Newsroom.OutputCache.Services;
using Newsroom.OutputCache.Stores;
using Newsroom.OutputCache.Tagging;

namespace Newsroom.OutputCache;

public sealed class Startup : StartupBase
{
    public const string RedisConfigurationKey = "Newsroom:Redis:Configuration";

    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddOptions<OutputCacheSettings>().BindConfiguration(OutputCacheSettings.Section);
        services.AddOptions<CdnSettings>().BindConfiguration(CdnSettings.Section);
        services.AddHttpClient(CdnPurgeNotifier.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<CdnPurgeNotifier>();
        services.AddScoped<CacheInvalidation>();
        services.AddContentHandler<CacheEvictionHandler>();
        services.AddSingleton<PublicPagePolicy>();
        services.AddSingleton<HotPageRequests>();
        services.AddSingleton(sp => new HotPageCache(sp.GetRequiredService<IOptions<OutputCacheSettings>>().Value.HotPagesMegabytes * 1024L * 1024L));
        services.AddSingleton<IShellRequestShortcut, PublicPageShortcut>();

        services.AddOutputCache();
        services.AddOptions<OutputCacheOptions>()
            .Configure<PublicPagePolicy>((o, policy) => o.AddPolicy(PublicPageCache.PolicyName, policy));
        AddStore(services);
    }

    public override void Configure(IApplicationBuilder app, IEndpointRouteBuilder routes, IServiceProvider services)
    {
        if (services.GetRequiredService<IOptions<OutputCacheSettings>>().Value.Enabled)
        {
            app.UseOutputCache();
            app.UseHotPageCapture();
            app.UsePublicPageTagging();
        }
    }

    /// <summary>
    /// The store is chosen when it is first used, from configuration: Redis when
    /// <c>Newsroom:Redis:Configuration</c> is set (several nodes must share one cache, or a publish on
    /// one node leaves the others stale), else memory.
    /// </summary>
    private static void AddStore(IServiceCollection services)
    {
        var memory = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
        services.RemoveAll<IOutputCacheStore>();
        services.AddSingleton<IOutputCacheStore>(sp =>
            sp.GetRequiredService<IConfiguration>()[RedisConfigurationKey] is { Length: > 0 } redis
                ? RedisOutputStore.Create(redis, sp)
                : new HotPageStore(Create(memory, sp), sp.GetRequiredService<HotPageCache>()));
    }

    private static IOutputCacheStore Create(ServiceDescriptor descriptor, IServiceProvider services) =>
        (IOutputCacheStore)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));
}
