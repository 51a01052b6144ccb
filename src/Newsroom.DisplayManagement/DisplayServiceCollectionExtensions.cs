using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Newsroom.DisplayManagement.Dates;
using Newsroom.DisplayManagement.Drivers;
using Newsroom.DisplayManagement.Placement;
using Newsroom.DisplayManagement.Rendering;
using Newsroom.DisplayManagement.Services;
using Newsroom.Modules.Shells;

namespace Newsroom.DisplayManagement;

public static class DisplayServiceCollectionExtensions
{
    /// <summary>The display system: drivers, placement, template resolution and site dates.</summary>
    public static IServiceCollection AddDisplayManagement(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.TryAddScoped<IContentDisplayManager, ContentDisplayManager>();
        services.TryAddSingleton(sp => PlacementRules.FromTheme(sp.GetRequiredService<ShellBlueprint>()));
        services.TryAddSingleton<ShapeTemplateResolver>();
        services.TryAddSingleton<ShapeRenderer>();
        services.TryAddScoped<SiteDates>();
        return services;
    }

    /// <summary>Registers a display driver (all drivers run for every item, in registration order).</summary>
    public static IServiceCollection AddContentDisplayDriver<TDriver>(this IServiceCollection services)
        where TDriver : class, IContentDisplayDriver =>
        services.AddScoped<IContentDisplayDriver, TDriver>();
}
