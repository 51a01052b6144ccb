using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.Modules;
using Newsroom.Redirects.Middleware;
using Newsroom.Redirects.Services;

namespace Newsroom.Redirects;

public sealed class Startup : StartupBase
{
    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<ManualRedirectTable>();
        services.AddScoped<IRedirectService, RedirectService>();
    }

    public override void Configure(IApplicationBuilder app, IEndpointRouteBuilder routes, IServiceProvider services) =>
        app.UseMiddleware<RedirectMiddleware>();
}
