using Microsoft.Extensions.DependencyInjection;
using Newsroom.Articles.Services;
using Newsroom.Bylines.Drivers;
using Newsroom.Bylines.Services;
using Newsroom.DisplayManagement;
using Newsroom.Modules;

namespace Newsroom.Bylines;

/// <summary>The public side of bylines: the credit line and author pages.</summary>
public sealed class DisplayStartup : StartupBase
{
    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddScoped<BylineQueries>();
        services.AddScoped<ISummaryPrefetcher, BylinePrefetcher>();
        services.AddContentDisplayDriver<BylinesPartDisplayDriver>();
    }
}
