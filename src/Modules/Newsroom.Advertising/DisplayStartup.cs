using Microsoft.Extensions.DependencyInjection;
using Newsroom.Advertising.Drivers;
using Newsroom.Advertising.Slots;
using Newsroom.Articles.Drivers;
using Newsroom.DisplayManagement.Slots;
using Newsroom.Modules;

namespace Newsroom.Advertising;

/// <summary>The public side of advertising: ad slots in article bodies, explicit or automatic, and in the theme's page slots.</summary>
public sealed class DisplayStartup : StartupBase
{
    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddScoped<IBodyBlockDisplayDriver, AdSlotBlockDisplayDriver>();
        services.AddScoped<IBodyLayoutFilter, AutomaticAdsLayoutFilter>();
        services.AddScoped<ISlotFiller, AdPlacementSlotFiller>();
    }
}
