using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.Media.Services;
using Newsroom.Modules;

namespace Newsroom.Media;

public sealed class Startup : StartupBase
{
    public override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<MediaFileEndpoint>();

    // An endpoint rather than the static-files middleware: endpoint routing runs before module
    // middleware, so a catch-all page route could otherwise claim /media/... first.
    public override void Configure(IApplicationBuilder app, IEndpointRouteBuilder routes, IServiceProvider services) =>
        routes.MapMethods(
            MediaFileEndpoint.RoutePrefix + "/{**path}",
            [HttpMethods.Get, HttpMethods.Head],
            (HttpContext context, string? path, MediaFileEndpoint media) => media.Serve(context, path));
}
