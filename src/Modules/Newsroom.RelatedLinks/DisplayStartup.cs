using Microsoft.Extensions.DependencyInjection;
using Newsroom.Articles.Drivers;
using Newsroom.Modules;
using Newsroom.RelatedLinks.Drivers;

namespace Newsroom.RelatedLinks;

/// <summary>The public side of related links: "Read: headline" in article bodies.</summary>
public sealed class DisplayStartup : StartupBase
{
    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddScoped<IBodyBlockDisplayDriver, RelatedLinkBlockDisplayDriver>();
        services.AddScoped<IBodyLayoutFilter, RelatedLinkPrefetch>();
    }
}
