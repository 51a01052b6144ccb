using Microsoft.Extensions.DependencyInjection;
using Newsroom.Advertising.Handlers;
using Newsroom.Advertising.Services;
using Newsroom.ContentManagement;
using Newsroom.Modules;

namespace Newsroom.Advertising;

public sealed class Startup : StartupBase
{
    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddContentHandler<AdvertisingHandler>();
        services.AddHttpContextAccessor();
        services.AddScoped<AdSlotSelector>();
    }
}
